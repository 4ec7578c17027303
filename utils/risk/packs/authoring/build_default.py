# Authoring source of utils/risk/packs/default.json (run: python3 utils/risk/packs/authoring/build_default.py).
# The JSON is what ships and what the engine validates; edit here and regenerate, or edit the JSON directly.
import json
L = {
 'counterfeit': 'NĐ 98/2020/NĐ-CP (Đ.3 khoản 7, Đ.12), sửa đổi bởi NĐ 17/2022 và NĐ 24/2025; BLHS Điều 192',
 'ip_infringement': 'Luật Sở hữu trí tuệ (sửa đổi 2022); BLHS Điều 226',
 'smuggled': 'NĐ 98/2020/NĐ-CP (hàng nhập lậu, không rõ nguồn gốc)',
 'missing_vn_label': 'NĐ 43/2017/NĐ-CP Điều 3(4), 7(3); NĐ 119/2017 Điều 31 (sửa đổi bởi NĐ 126/2021)',
 'ecig': 'Nghị quyết 173/2024/QH15; NĐ 371/2025 (thuốc lá điện tử, thuốc lá nung nóng)',
 'weapons': 'Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ (Luật 42/2024/QH15)',
 'gas': 'Nghị quyết 173/2024/QH15; NĐ 371/2025 (khí gây nghiện, N2O)',
 'fireworks': 'NĐ 137/2020/NĐ-CP (quản lý pháo)',
 'wildlife': 'NĐ 06/2019/NĐ-CP; BLHS Điều 244 (cần kiểm tra)',
 'drugs': 'Luật Phòng, chống ma túy 2021; BLHS Chương XX',
 'fishing': 'Luật Thủy sản 2017 Điều 7 (cấm khai thác bằng xung điện)',
 'tobacco': 'Luật Phòng, chống tác hại của thuốc lá 2012; NĐ 98/2020/NĐ-CP',
 'restricted_medicine': 'Luật Dược sửa đổi (Luật 44/2024/QH15, hiệu lực 01/07/2025); TT 11/2025/TT-BYT',
 'false_advertising': 'Luật Quảng cáo (sửa đổi, hiệu lực 01/01/2026); NĐ 342/2025',
 'supplement': 'NĐ 15/2018/NĐ-CP Điều 27(3); Luật Quảng cáo (sửa đổi)',
 'seller_info_missing': 'NĐ 52/2013/NĐ-CP Điều 29, 37 (sửa đổi bởi NĐ 85/2021); NĐ 98/2020 (sửa đổi bởi NĐ 17/2022)',
 'off_platform': 'Quy định của sàn TMĐT (cấm số điện thoại, Zalo, liên kết ngoài); dấu hiệu thường gặp khi bán hàng giả',
}
rules = []
def R(id, cat, w, phrases, vi, en, flag, pas, legal=None, **kw):
    r = {'id': id, 'category': cat, 'weight': w}
    if kw.get('kind'): r['kind'] = kw.pop('kind')
    if kw.get('fields'): r['fields'] = kw.pop('fields')
    if phrases: r['phrases'] = phrases
    for k in ('regexes','wordBoundary','context','sites','price','notice'):
        if k in kw: r[k] = kw.pop(k)
    assert not kw, kw
    r['legalRef'] = L[legal or cat]
    r['explanation'] = {'vi': vi, 'en': en}
    r['examples'] = {'flag': flag, 'pass': pas}
    rules.append(r)

macros = {
 'NEG': ['không', 'ko', 'k', 'kh', 'khg', 'hông', 'hok', 'chưa', 'hem', 'khum'],
 'FASHION': ['giày', 'giầy', 'sneaker', 'túi', 'túi xách', 'ví da', 'ví nam', 'ví nữ', 'bóp', 'balo', 'đồng hồ', 'áo', 'quần jean', 'quần short', 'quần âu', 'mắt kính', 'kính mát', 'kính râm', 'gọng kính', 'dép nam', 'dép nữ', 'dép quai', 'thắt lưng', 'nón', 'mũ', 'khăn', 'nước hoa', 'son môi', 'son thỏi', 'mỹ phẩm', 'nhẫn', 'bông tai', 'dây chuyền', 'tai nghe', 'fullbox', 'full box'],
 'LUX': ['louis vuitton', 'lv', 'gucci', 'chanel', 'dior', 'hermes', 'hermès', 'prada', 'rolex', 'balenciaga', 'versace', 'burberry', 'fendi', 'celine', 'ysl', 'saint laurent', 'cartier', 'bvlgari', 'bulgari', 'omega', 'hublot', 'patek philippe', 'goyard', 'bottega', 'givenchy', 'valentino', 'moschino', 'tiffany', 'van cleef', 'mcm', 'coach', 'michael kors', 'tory burch', 'montblanc'],
 'SPORT': ['nike', 'adidas', 'jordan', 'air jordan', 'yeezy', 'mlb', 'new balance', 'converse', 'vans', 'puma', 'off white', 'off-white', 'supreme', 'asics', 'fila', 'the north face', 'stussy', 'bape', 'dior b23', 'airpods', 'apple watch', 'iphone', 'casio', 'g-shock', 'seiko', 'orient', 'tissot', 'longines', 'ray-ban', 'rayban', 'jbl', 'marshall', 'bose', 'dyson', 'sk-ii', 'lancome', 'estee lauder', 'tom ford', 'jo malone', 'creed', 'maison margiela'],
 'VAPECTX': ['18+', 'kéo hơi', 'kéo mượt', 'kéo êm', 'puff', 'puffs', 'hơi dày', 'hơi mượt', 'hơi to', 'nhiều hơi', 'số hơi', '{3000|5000|6000|8000|10000|12000|15000} hơi', 'thả khói', 'khói dày', 'nhiều khói', 'nic', 'nicotine', 'salt nic', 'saltnic', 'mg', 'pod', 'vape', 'rít', 'đầu pod', 'hút êm', 'hút ngon', 'hút phê', 'hút đã', 'phê pha', 'lạnh buốt', 'đã đời', 'tinh dầu pod', 'coil', 'occ', 'ohm', 'nạp tinh dầu', 'béo ngậy'],
 'DISEASE': ['covid', 'covid-19', 'corona', 'virus corona', 'ung thư da', 'ung thư vú', 'ung thư gan', 'tế bào ung thư', 'viêm gan b', 'viêm loét dạ dày', 'vi khuẩn hp', 'tiểu đường', 'đái tháo đường', 'huyết áp', 'cao huyết áp', 'ung thư', 'gout', 'gút', 'xương khớp', 'thoái hóa khớp', 'thoát vị đĩa đệm', 'viêm gan', 'xơ gan', 'gan nhiễm mỡ', 'suy thận', 'sỏi thận', 'dạ dày', 'đau dạ dày', 'bệnh trĩ', 'búi trĩ', 'trĩ nội', 'trĩ ngoại', 'vảy nến', 'viêm xoang', 'vô sinh', 'hiếm muộn', 'yếu sinh lý', 'tai biến', 'đột quỵ', 'parkinson', 'hiv', 'hen suyễn', 'mỡ máu', 'tim mạch', 'bách bệnh', 'u xơ', 'u nang', 'zona', 'mụn cóc', 'sùi mào gà', 'tự kỷ', 'tăng động', 'chậm nói', 'cận thị', 'loạn thị', 'viễn thị', 'bạc tóc sớm', 'sẹo lồi', 'sẹo rỗ', 'hạ đường huyết', 'trầm cảm', 'mất ngủ kinh niên', 'rối loạn tiền đình'],
 'CLAIMV': ['ngăn ngừa', 'phòng ngừa', 'phòng chống', 'ngừa', 'diệt', 'tiêu diệt', 'hạ', 'làm teo', 'teo', 'ổn định', 'cắt cơn', 'hết bệnh', 'khỏi bệnh', 'trị hết', 'chữa hết', 'chữa', 'chữa khỏi', 'chữa dứt', 'trị', 'trị khỏi', 'trị dứt', 'điều trị', 'đặc trị', 'đánh bay', 'đẩy lùi', 'dứt điểm', 'hết', 'hết hẳn', 'khỏi', 'khỏi hẳn', 'chặn đứng', 'tiêu diệt', 'loại bỏ hoàn toàn', 'chấm dứt', 'thoát khỏi'],
 'CONTACT': ['liên hệ', 'lh', 'kết bạn', 'kb', 'add', 'ib', 'inbox', 'ibox', 'nhắn', 'nhắn tin', 'nt', 'gọi', 'alo', 'call', 'chat', 'qua', 'sdt', 'sđt', 'số', 'mua qua', 'đặt qua', 'đặt hàng qua', 'order qua', 'tư vấn qua', 'nhắn qua', 'add', 'ib qua', 'inbox qua', 'ib riêng', 'liên lạc'],
 'APP': ['zalo', 'za lô', 'zá lô', 'zà lô', 'da lô', 'zl', 'zalô', 'tele', 'telegram', 'whatsapp', 'wechat', 'viber', 'fb', 'facebook', 'messenger', 'mess', 'insta', 'instagram', 'ig', 'page', 'fanpage', 'web', 'website'],
 # conditions that cosmetics/supplements may not claim to cure permanently (used with "dứt điểm / vĩnh viễn / tận gốc")
 # (no bare "nám"/"hói"/"hen"/"chàm": without accents they read "nam", "hơi/hỏi", "hẹn", "chạm")
 'COND': ['hói đầu', 'trị hói', 'hết hói', 'chống hói', 'rụng tóc', 'trị nám', 'hết nám', 'nám da', 'vết nám', 'nám lâu năm', 'nám tàn nhang', 'tàn nhang', 'hôi nách', 'mất ngủ', 'táo bón', 'béo phì', 'cận thị', 'viêm mũi', 'viêm họng', 'đau lưng', 'đau đầu', 'đau nhức', 'tiểu đêm', 'mề đay', 'á sừng', 'nấm da', 'hắc lào', 'lang ben', 'suyễn', 'trào ngược', 'đại tràng', 'viêm loét', 'tiền đình', 'rối loạn tiền đình', 'bệnh'],
 # characters whose merchandise is licensed (used only with an admission of "no licence")
 'CAR': ['ferrari', 'mercedes', 'porsche', 'bmw', 'lamborghini', 'audi', 'toyota', 'honda', 'yamaha', 'ducati', 'harley', 'harley davidson', 'red bull', 'monster energy'],
}

# books and studies about a topic are not offers of it
BOOK = ['nxb', 'nhà xuất bản', 'cẩm nang', 'sách tham khảo', 'sách nghiên cứu', 'sách tra cứu', 'bìa mềm', 'bìa cứng', 'sách của bác sĩ']

# ---------------- counterfeit ----------------
NEGFAKE = ['{không|ko} phải hàng {loại 1|rep|sc|f1} hay hàng {fake|nhái|giả}', 'hàng giả, hàng nhái', 'hàng giả và hàng nhái', '{chính hãng|hàng thật} và hàng {nhái|giả}', '{chống|cuộc chiến chống} {hàng nhái|hàng giả}', '{phân biệt|nhận biết} {hàng thật|hàng chính hãng}', '{không|ko|k|nói không với|nói ko với|cam kết không|không phải|ko phải|không bán|tránh mua|phân biệt|phát hiện|chống|check|nếu là|nếu phát hiện|đền tiền nếu|hoàn tiền nếu} {hàng |đồ |}{fake|giả|nhái|rep|siêu cấp}', 'fake love', 'fake news', '{chống|tem chống} hàng giả', 'giả da', 'da giả', 'hoa giả', 'lông mi giả', 'mi giả', 'móng giả', 'tóc giả', 'cây giả', 'trái cây giả', 'răng giả', 'lông mày giả', 'giả gỗ', 'giả đá', 'giả cổ', 'giả kim cương', 'giả ngọc', 'giả lụa', 'giả vàng', 'vàng giả']
R('counterfeit.fake-terms', 'counterfeit', 6,
  ['đóng lại từ vỏ', 'tem chống giả {được |}in lại', 'tem bảo hành dán sẵn', 'theo công thức gốc', 'chỉ khác mã vạch', 'hộp {giấy |}giống chính hãng', 'hàng chiết đóng', 'bao bì y chang', 'in y hệt bản', '{hàng|bản} f1 like {au|auth}', 'f1 like {au|auth}', 'đặt xưởng dán logo', 'dán logo lên', 'hàng oem {dán|in} logo', 'in giống 100%', 'bao bì in giống', 'in y hệt {bao|hộp|nhãn|mẫu|vỏ}', 'đóng bao lại', 'vỏ chai {thật |}thu gom', 'thu gom vỏ chai', 'chiết lại {và |}đóng nắp', 'đóng nắp {ở|tại} xưởng', 'tem in như hàng', 'sang chiết lại', 'chiết {sang|vào} {lon|chai|túi|bao} mới', 'in giống hệt', 'giống hệt {lon|chai|hộp|bao} gốc', 'phối trộn rồi in bao', 'chiết từ bao lớn', 'khắc laser chữ', 'đóng hộp {như|giống} hàng gốc', 'in nhãn theo mẫu', '{đóng chai|đóng gói} in nhãn', '{không|ko|k} phân biệt {được|đc|dc} với hàng {xịn|thật|chính hãng|hãng|auth}', 'đóng lại tại xưởng', 'tem phụ in lại', 'hàng pha chế', 'như thật 100%', 'tem {nắp |}như thật', 'nhái zin', 'hàng tàu đóng hộp', 'in giống {nhật|hãng|thật}', 'lafufu', 'y như hàng {mỹ|thật|hãng|auth|chính hãng|xịn}', 'tem {đáy |hãng |chống giả |}giống thật', '{thẻ|tem|mã} check {code |}in sẵn', 'fake', 'hàng fake', 'đồ fake', 'fake {1|01|loại 1|l1|một|like auth|cao cấp|xịn}', 'super fake', 'superfake', 'siêu fake', 'sf 1:1', 'hàng nhái', 'đồ nhái', 'hàng đạo nhái', 'nhái {thương hiệu|hãng|mẫu|y hệt|chuẩn|giống}', 'bản nhái', 'bản fake', 'giày fake', 'túi fake', 'auth fake', 'hàng giả {giống|như|y|y hệt|y chang} {thật|hãng|auth|chính hãng|hàng thật|hàng hãng|bản gốc}', 'hàng giả {loại 1|cao cấp|chất lượng cao}', 'giả {giống|như} {hàng |}{thật|auth|chính hãng} {90%|95%|99%|100%}', 'hàng nhái {giống|như|y|cao cấp|loại 1}', 'nhái {logo|thương hiệu|hàng hiệu|<LUX>|<SPORT>}'],
  'Tin đăng có từ ngữ thường dùng để chào bán hàng giả, hàng nhái ("fake", "hàng nhái"…): có dấu hiệu hàng giả, cần kiểm tra.',
  'The listing uses wording typical of counterfeit offers ("fake", "knock-off"…): it may involve counterfeit goods and needs checking.',
  ['Giày Jordan 1 fake 1 full box', 'Túi LV f4ke loại 1 da đẹp', 'ÁO POLO LACOSTE HÀNG NHÁI GIÁ RẺ', 'tui xach gucci h.a.n.g f.a.k.e', 'Ví nam s u p e r f a k e'],
  ['Cam kết không bán hàng fake, hoàn tiền 200%', 'Lông mi giả 3D tự nhiên', 'Áo khoác giả da cao cấp', 'Album BTS Fake Love bản giới hạn', 'Túi da giả da PU'],
  regexes=[{'source': r'(?:giong|nhu|y|chuan|dep) ?(?:hang |ban )?(?:that|auth|au|chinh hang|hang hang|ban goc|goc|store) ?(?:den |toi )?[6-9]\d ?(?:%|phan tram)', 'minDigits': 2, 'triggers': ['giống', 'như', 'y', 'chuẩn', 'đẹp'], 'alsoTriggers': [['%', 'phần trăm']]},
           {'source': r'(?:giong|nhu) [6-9]\d ?(?:%|phan tram) ?(?:so voi )?(?:hang |ban )?(?:that|auth|au|chinh hang|hang hang|ban goc|goc|store)', 'minDigits': 2, 'triggers': ['giống', 'như'], 'alsoTriggers': [['%', 'phần trăm']]}],
  context={'exemptAny': BOOK, 'forbidAny': NEGFAKE, 'forbidWindow': 0})
R('counterfeit.super-copy', 'counterfeit', 6,
  ['siêu cấp', 'hàng siêu cấp', 'sc 1:1', 'like auth', 'like au', 'like authentic', 'like real', 'giống auth', 'giống au', 'như auth', 'y hệt auth', 'y chang auth', 'chuẩn auth 1:1', 'replica', 'hàng rep', 'bản rep', 'rep 1:1', 'rep 11', 'rep1:1', 'rep1', 'rep 1', 'rep loại 1', 'replica 1:1', 'mirror quality', 'hàng mirror', 'gần bằng xịn', 'gần giống auth', 'giống chính hãng 99%', 'giống thật 99%', 'giống auth 99%', 'không phân biệt được với hàng thật', 'không khác gì hàng thật', 'giống hàng thật', '{hàng|bản|loại} f1', 'hàng 1:1', 'bản 1:1', 'chuẩn 1:1', 'copy 1:1', 'bản copy', 'hàng copy', 'hàng loại 1 like', 'hàng tuồn xưởng', 'hàng xưởng {trung|quảng châu}', 'ua quality', 'pk god', 'god version', 'og batch', 'best batch', 'rep {đẹp|chuẩn|xịn|cao cấp|loại 1|like auth|11|1-1|99%|trung|tốt}', '{đồ|hàng|bản|giày|túi|đồng hồ|mẫu|ví|áo|kính|dép} rep', 'hàng rép', '{hàng|bản|đồ} sc', 'sc {loại 1|cao cấp|like|đẹp}', 'y auth', 'y hệt {auth|hãng|chính hãng}', 'y chang {auth|hãng|chính hãng}', 'chuẩn au {1:1|99%|loại 1}', 'hàng trung cấp', 'bản trung cấp', 'trung cấp like', 'hổ vằn', 'airpods hổ vằn', '{điện thoại|iphone|samsung|đt} đài loan', 'hàng đài loan loại 1', 'hàng dựng', 'chất lượng như auth'],
  'Tin đăng tự mô tả là hàng "siêu cấp / rep / like auth / 1:1": cách gọi thường dùng cho hàng nhái thương hiệu; có dấu hiệu hàng giả.',
  'The listing calls itself "super copy / rep / like auth / 1:1", terms commonly used for branded knock-offs: it may be counterfeit.',
  ['Đồng hồ Rolex siêu cấp máy Nhật', 'Giày MLB like auth full box', 'dong ho omega sieu cap', 'Túi Dior r3p 1:1 da thật', 'Nước hoa Chanel replica 100ml', 'Giay Yeezy 350 rep 1:1', 'S.i.ê.u c.ấ.p túi Hermes'],
  ['Nước hoa Maison Margiela Replica Jazz Club chính hãng', 'Mô hình xe tỉ lệ 1:18', 'Shop rep tin nhắn nhanh trong 5 phút', 'Khung ảnh tỷ lệ 1:1 vuông'],
  context={'exemptAny': BOOK, 'forbidAny': ['sc johnson', 'maison margiela', 'margiela', 'maison', 'jazz club', 'by the fireplace', 'lazy sunday', 'beach walk', 'tỷ lệ', 'tỉ lệ', 'ty le', 'đổi', 'bảo hành', 'bh', 'đổi trả', '1 đổi 1', 'rep tin', 'rep ib', 'rep inbox', 'rep nhanh', 'rep mess', 'rep cmt', 'rep comment', 'rep chậm', 'shop rep', 'rep lại', 'rep khách', 'rep đánh giá', 'trường trung cấp', 'hệ trung cấp', 'bằng trung cấp', 'đài loan chính hãng', 'sc cổ điển'], 'forbidWindow': 25})
R('counterfeit.one-to-one', 'counterfeit', 5,
  ['1:1', '1-1 auth', 'aaa', 'a1 like', 'hàng a1', 'loại aaa', 'super aaa', 'aaa+', 'mirror', 'rep'],
  'Ký hiệu "1:1 / AAA / mirror / rep" đi cùng hàng thời trang hoặc thương hiệu: thường dùng để chỉ hàng sao chép; có dấu hiệu hàng giả.',
  'Grading terms ("1:1", "AAA", "mirror", "rep") next to branded or fashion goods usually denote copies: possible counterfeit.',
  ['Túi xách Chanel classic 1:1 da cừu', 'Đồng hồ Hublot AAA máy cơ', 'Giày Nike AF1 rep hộp đủ', 'Kính mát Gentle Monster mirror'],
  ['Pin AAA Panasonic vỉ 4 viên', 'Bảo hành 1:1 trong 12 tháng', 'Mô hình tỷ lệ 1:1 trưng bày', 'Gương mirror phòng tắm', 'Shop rep tin nhắn rất nhanh, giày đẹp'],
  context={'requireAny': ['<FASHION>', '<LUX>', '<SPORT>', 'auth', 'like', 'super', 'siêu cấp'], 'window': 60,
           'forbidAny': ['pin', 'pin tiểu', 'pin đũa', 'battery', 'mah', '1.5v', 'tỷ lệ', 'tỉ lệ', 'ty le', 'đổi', 'bảo hành', 'bh', 'đổi trả', 'đổi mới', 'lỗi', 'gương', 'mirrorless', 'rep tin', 'rep ib', 'rep inbox', 'rep nhanh', 'rep mess', 'rep cmt', 'rep comment', 'rep chậm', 'shop rep', 'rep lại', 'rep khách', 'rep đánh giá', 'tranh', 'khung', 'giấy a1', 'size a1', 'khổ'], 'forbidWindow': 25})
R('counterfeit.brand-disguise', 'counterfeit', 6,
  ['lệ vi', 'lờ vờ', 'lovo', 'lờ vê', 'l.v', 'lui vuitton', 'louis vuiton', 'louis vitton', 'louis viutton', 'gucdi', 'guchi', 'gucii', 'gucchi', 'cucci', 'guci', 'chanell', 'chanle', 'channle', 'diorr', 'dioor', 'adidass', 'adidos', 'abibas', 'adibas', 'nikee', 'nlke', 'hermers', 'hermas', 'pradaa', 'prado túi', 'rolexx', 'rolec', 'balenciagaa', 'balenciaga hàng', 'versage', 'burbery', 'burberri', 'supream', 'yeezi', 'nhà {lờ|gu|chà|đi|cờ|g|c|d} {túi|ví|giày|đồng hồ|khăn|nước hoa|son}', '{túi|ví|giày|khăn|áo} nhà {lờ|gu|chà|đi|cờ|g|c|d|lv|hermes|gucci|chanel|dior}', 'hàng hiệu {loại 1|siêu cấp|like}'],
  'Tên thương hiệu bị viết chệch để né bộ lọc ("Lờ Vờ", "Gucdi", "nhà C"…): cách chào hàng nhái thường gặp; có dấu hiệu hàng giả.',
  'The brand name is deliberately misspelled to dodge filters ("Lờ Vờ", "Gucdi", "house C"…), a common way to sell knock-offs: possible counterfeit.',
  ['Túi Lờ Vờ Neverfull size 32', 'Ví Gucdi nam da bò', 'Giày Adidass ultraboost', 'Túi nhà C da caviar', 'Khăn nhà Lờ họa tiết monogram'],
  ['Túi xách nữ da thật Lệ Thu', 'Kẹo dừa Bến Tre Gu Chi Bảo', 'Túi xách Charles & Keith chính hãng', 'Nhà cửa sạch sẽ với cây lau nhà'])
R('counterfeit.brand-house', 'counterfeit', 6,
  ['nhà {lờ|lờ vờ|gu|chà|lv|hermes|gucci|chanel|dior|ysl|prada|bơ bơ|bò}'],
  '"Nhà Lờ / nhà Gu / nhà Chà…": cách gọi lóng tên thương hiệu xa xỉ để né bộ lọc khi rao hàng thời trang: có dấu hiệu hàng nhái.',
  '"House L / house G / house C…": slang for luxury brands used to dodge filters when offering fashion items: possible knock-off.',
  ['Khăn choàng nhà Lờ monogram', 'Túi đeo chéo nhà Gu mẫu mới', 'Ví dài nhà Chà da caviar'],
  ['Nhà lờ đờ buổi sáng? Cà phê đi', 'Giày đi trong nhà', 'Túi đựng đồ nhà bếp'],
  context={'requireAny': ['<FASHION>', 'monogram', 'họa tiết', 'logo', 'da caviar', 'caviar', 'canvas', 'khăn choàng', 'đeo chéo', 'ví dài', 'mẫu mới', 'size'], 'window': 40})
R('counterfeit.quang-chau', 'counterfeit', 2,
  ['hàng quảng châu', 'quảng châu loại 1', 'quảng châu cao cấp', 'hàng qc', 'qc cao cấp', 'qccc', 'hàng trung quốc loại 1', 'hàng tàu loại 1', 'hàng xưởng', 'check code', 'checkcode', 'fullbox bill', 'full box bill', 'đủ bill', 'full tag', 'full phụ kiện hãng'],
  'Mô tả nguồn hàng "Quảng Châu / hàng xưởng / check code": tín hiệu yếu, tự nó không chứng minh vi phạm nhưng thường đi cùng hàng nhái thương hiệu.',
  'Sourcing terms ("Guangzhou goods", "factory goods", "check code") are a weak signal: they prove nothing alone but often accompany branded knock-offs.',
  ['Váy maxi hàng Quảng Châu cao cấp', 'Giày hàng xưởng đẹp', 'Túi QCCC loại 1'],
  ['Tôi đi du lịch Quảng Châu mua quà', 'Ga trải giường Việt Nam', 'Hàng auth 100% check code thoải mái'],
  context={'forbidAny': ['auth 100%', 'hàng auth', 'chính hãng', 'có bill', 'còn bill'], 'forbidWindow': 30})
R('counterfeit.cheap-vs-genuine', 'counterfeit', 5,
  ['bằng {1/10|1/5|1/4|1/3|một phần mười|10%|20%|30%}', 'rẻ hơn {gấp |}{3|5|10|20|mấy|chục} lần', 'rẻ {gấp |}{5|10|20|mấy|chục} lần', 'bằng {một phần|1 phần} nhỏ'],
  'Người bán so giá với "hàng hãng / auth" và nói rẻ hơn nhiều lần: thường là cách giới thiệu hàng sao chép; có dấu hiệu hàng giả.',
  'The seller compares the price with "the brand\'s own goods" and says it is several times cheaper, a usual way to present copies: possible counterfeit.',
  ['Áo polo giá chỉ bằng 1/10 hàng hãng', 'Túi da rẻ hơn 10 lần hàng auth', 'Giày giá bằng một phần nhỏ hàng chính hãng'],
  ['Giá chỉ bằng 1/2 ngoài tiệm, hàng chính hãng có hóa đơn', 'Sale 50% toàn bộ cửa hàng'],
  context={'requireAny': ['hãng', 'hàng hãng', 'chính hãng', 'auth', 'authentic', 'store', 'hàng thật', 'bản gốc'], 'window': 25, 'forbidAny': ['ngoài tiệm', 'ngoài cửa hàng', 'siêu thị', 'thị trường'], 'forbidWindow': 10})
R('counterfeit.brand-copy-context', 'counterfeit', 3,
  ['<LUX>', '<SPORT>'],
  'Thương hiệu nổi tiếng xuất hiện cùng từ mô tả hàng sao chép hoặc nguồn hàng Quảng Châu/xưởng: có dấu hiệu hàng nhái.',
  'A well-known brand appears together with copy or factory-sourcing wording: possible knock-off.',
  ['Túi Gucci Marmont hàng Quảng Châu', 'Giày Nike hàng xưởng full box', 'Đồng hồ Rolex hàng loại 1 like'],
  ['Giày Nike Air Force 1 chính hãng', 'Túi Gucci authentic có hóa đơn'],
  fields=['title', 'description'],
  context={'requireAny': ['hàng quảng châu', 'quảng châu', 'qc cao cấp', 'qccc', 'hàng xưởng', 'hàng loại 1', 'loại 1', 'like', 'hàng tàu', 'trung quốc loại 1', 'f1', 'hàng lỗi', 'hàng lỗi nhẹ', 'giá xưởng', 'check code', 'hàng chợ', 'không hộp', 'no box', 'giống 99%', 'giống hãng', 'như hãng', 'giống thật', 'không phân biệt', 'vnxk', 'xuất khẩu', 'hàng xuất dư', 'xuất dư', 'hàng si', 'tuồn'], 'window': 80,
           'forbidAny': ['chính hãng 100%', 'authentic 100%', 'official', 'store chính hãng', 'hàng auth', 'auth 100%', 'có bill', 'còn bill', 'bill mua', 'mua tại store', 'check code thoải mái', 'bảo hành chính hãng'], 'forbidWindow': 200})
R('counterfeit.fake-official-shop', 'counterfeit', 4,
  ['offical', 'oficial', 'officail', 'offcial', 'offfical', 'ofical', 'officical', 'offical store', 'officiall', 'authentic store fake', 'chinh hang 100% rep', 'mall chính hãng giá sỉ', 'official fake'],
  'Tên gian hàng/tin đăng dùng chữ "Official" viết sai hoặc tự xưng chính hãng một cách bất thường: có dấu hiệu giả danh gian hàng chính hãng.',
  'The shop or listing uses a misspelt "Official" or an odd claim of authenticity: it may impersonate an official store.',
  [{'title': 'Giày thể thao nam', 'shopName': 'Nike Offical Store'}, 'Adidas Oficial Shop giày nam'],
  [{'title': 'Giày thể thao nam', 'shopName': 'Nike Official Store'}, 'Tai nghe chính hãng Sony'],
  fields=['title', 'shopName'])
R('counterfeit.forged-labels', 'counterfeit', 5,
  ['{tem|nhãn|mác|nhãn mác|tag|thẻ bài|logo sắt|logo kim loại|hộp|vỏ hộp|hộp giấy|túi giấy|bill|thẻ bảo hành|tem chống giả|tem nhôm} {<LUX>|nike|adidas|mlb|jordan|rolex}', 'in tem chống giả', 'in tem nhãn mác thương hiệu', 'tem nhãn giả', 'tem giả', 'làm bill giả', 'hộp giày hãng rời', 'vỏ hộp đồng hồ hãng', 'bán tem mác'],
  'Chào bán riêng tem, nhãn, hộp, hóa đơn, thẻ bảo hành mang thương hiệu: có dấu hiệu làm giả nhãn hàng hóa (NĐ 98/2020 Điều 12).',
  'Brand labels, tags, boxes, bills or warranty cards sold on their own may be used to pass off fakes (forged labels, Decree 98/2020 art. 12).',
  ['Bán tem mác Gucci số lượng lớn', 'Hộp giày Nike rời giá sỉ', 'Thẻ bảo hành Rolex in theo yêu cầu', 'Túi giấy Chanel đựng quà'],
  ['Hộp đựng giày nhựa trong suốt', 'In tem nhãn decal theo yêu cầu cho shop', 'Túi giấy kraft đựng quà'],
  context={'exemptAny': ['cho doanh nghiệp', 'giấy phép kinh doanh của khách', 'giấy phép kinh doanh của doanh nghiệp'], 'forbidAny': ['tự thiết kế', 'logo shop', 'thương hiệu của bạn', 'kèm', 'đầy đủ', 'full', 'fullbox', 'full box', 'chính hãng', 'authentic', 'đi kèm', 'bao gồm', 'nguyên hộp', 'nguyên tem', 'có bill', 'còn bill', 'bill mua', 'mua tại', 'store', 'auth'], 'window': 40})
R('counterfeit.price-far-below', 'counterfeit', 5, [],
  '{brand} được rao {price} ₫, chỉ khoảng {percent}% giá chính hãng tham khảo (từ {ref} ₫): giá thấp bất thường là dấu hiệu cần kiểm tra, không phải bằng chứng.',
  '{brand} is offered at {price} VND, about {percent}% of the reference genuine price (from {ref} VND): an unusually low price is a signal worth checking, not proof.',
  [{'title': 'Túi xách Louis Vuitton Neverfull', 'price': 450000}, {'title': 'Đồng hồ Rolex Datejust nam', 'price': 1200000}, {'title': 'Giày thể thao nam', 'brand': 'Nike', 'price': 180000}],
  [{'title': 'Túi xách Louis Vuitton Neverfull chính hãng', 'price': 42000000}, {'title': 'Ốp lưng iPhone 15 Pro Max', 'price': 45000}, {'title': 'Dây đeo Apple Watch', 'price': 90000}, {'title': 'iPhone 8 Plus cũ 64GB', 'price': 1900000}],
  kind='price', price={'maxRatio': 0.3})
R('counterfeit.price-absurd', 'counterfeit', 3, [],
  '{brand} ở mức {price} ₫ (~{percent}% giá tham khảo {ref} ₫): chênh lệch rất lớn, có dấu hiệu hàng giả hoặc lừa đảo, cần kiểm tra.',
  '{brand} at {price} VND (~{percent}% of the {ref} VND reference): a gap this large is a sign of fakes or scams worth checking.',
  [{'title': 'Đồng hồ Rolex Submariner', 'price': 900000}],
  [{'title': 'Đồng hồ Rolex Submariner', 'price': 25000000}],
  kind='price', price={'maxRatio': 0.12})
R('counterfeit.defect-excuse', 'counterfeit', 2,
  ['hàng lỗi nhẹ {nên|giá} {rẻ|xả}', 'lỗi nhẹ nên giá rẻ', 'lỗi chỉ nên giá rẻ', 'hàng lỗi xả kho {<LUX>|<SPORT>}', 'do lỗi {nhỏ|nhẹ} nên giá {rẻ|tốt}', 'hàng lỗi giá rẻ'],
  'Lý do "hàng lỗi" được dùng để giải thích giá thấp bất thường: có dấu hiệu che giấu hàng nhái thương hiệu.',
  '"Slightly defective" is offered to explain an unusually low price, a possible cover for branded knock-offs.',
  ['Túi Gucci hàng lỗi nhẹ nên giá rẻ', 'Giày do lỗi nhỏ nên giá tốt'],
  ['Hàng lỗi được đổi trả trong 7 ngày'])

# ---------------- IP ----------------
R('ip.logo-use', 'ip_infringement', 5,
  ['{in|thêu|dập|khắc|ép|in hình|thêu hình|in nhiệt} logo {<LUX>|<SPORT>}', 'logo {<LUX>|nike|adidas|mlb|supreme|jordan} {thêu|in|dập|to|nhỏ|sắt|kim loại|giả}', '{vân|họa tiết|hoạ tiết|monogram|pattern} {<LUX>}', '{kiểu dáng|form dáng|phong cách|style} {<LUX>}', 'nhái logo', 'logo nhái', 'giả logo', 'nhái kiểu dáng', 'copy thiết kế', 'sao chép thiết kế', 'nhái thiết kế', 'lấy cảm hứng {từ |}{<LUX>}', 'inspired by {<LUX>}', 'vải {<LUX>}', 'decal logo {<LUX>|<SPORT>}', 'sticker logo {<LUX>|<SPORT>}'],
  'Sản phẩm dùng logo, họa tiết hoặc kiểu dáng của thương hiệu khác mà không thấy dấu hiệu được phép: có dấu hiệu xâm phạm quyền sở hữu trí tuệ.',
  'The product uses another brand\'s logo, monogram or design with no sign of authorisation: it may infringe intellectual-property rights.',
  ['Áo thun in logo Gucci cotton 100%', 'Túi vải họa tiết LV monogram', 'Vải Burberry may áo sơ mi', 'Túi xách kiểu dáng Hermes Birkin da PU', 'Sticker logo Nike dán xe'],
  ['In logo theo yêu cầu cho doanh nghiệp', 'Áo thun trơn cotton', 'Áo Nike chính hãng thêu swoosh'],
  context={'forbidAny': ['{không|ko} nhái logo', 'chính hãng', 'authentic', 'official'], 'window': 40})
R('ip.logo-print', 'ip_infringement', 5,
  ['logo {các clb|các câu lạc bộ|các đội bóng|các đội tuyển}', '{in|thêu|dập|khắc|ép|in hình|thêu hình|in nhiệt|đúc|in chuyển nhiệt|nhận in|nhận thêu} {áo |đồng phục |áo đồng phục |}logo', 'logo {các hãng|hãng xe|thương hiệu|các thương hiệu|clb|câu lạc bộ|đội bóng}'],
  'Người bán in/thêu/đúc logo của thương hiệu, hãng xe hoặc câu lạc bộ lên sản phẩm: nếu không được phép, có dấu hiệu xâm phạm quyền sở hữu trí tuệ.',
  'The seller prints, embroiders or casts a brand\'s, car maker\'s or club\'s logo onto goods: without authorisation this may infringe intellectual-property rights.',
  ['Nhận in áo đồng phục logo Adidas, Puma giá xưởng', 'Nón kết thêu logo Ferrari', 'Áo đấu in logo CLB', 'Nhận in logo các hãng theo yêu cầu'],
  ['In logo theo yêu cầu cho doanh nghiệp', 'Áo Nike chính hãng thêu logo', 'Thêu logo công ty lên áo đồng phục'],
  context={'requireAny': ['<LUX>', '<SPORT>', '<CAR>', 'các hãng', 'hãng xe', 'thương hiệu', 'các thương hiệu', 'clb', 'câu lạc bộ', 'đội bóng', 'real madrid', 'barcelona', 'manchester', 'man city', 'man utd', 'arsenal', 'chelsea', 'liverpool', 'psg', 'juventus', 'bayern'], 'window': 40,
           'forbidAny': ['{không|ko} nhận in logo', '{không|ko|k} {có |}logo', '{không|ko|k} {in|thêu|dùng|sử dụng} logo', 'không in logo thương hiệu', 'chính hãng', 'authentic', 'official', 'logo công ty', 'logo doanh nghiệp', 'logo riêng', 'thương hiệu riêng', 'logo của bạn', 'logo shop', 'thương hiệu của bạn'], 'forbidWindow': 30})
R('ip.unlicensed', 'ip_infringement', 5,
  ['{gỡ|xóa|xoá} logo', '{xóa|xoá|gỡ} watermark', 'tải {ảnh|hình} trên mạng {về |}{tự |}in', '{ảnh|hình} lấy từ {các |}fansite', 'lấy từ {các |}fansite', '{in|thêu} {bất kỳ|mọi|tất cả} nhân vật', 'nhân vật nào {khách|bạn} gửi', 'logo {disney|pokemon|marvel|sanrio|nintendo} cũng in', 'in theo mẫu nhân vật', 'recast', 'hàng recast', 'đúc lại từ bản gốc', 'bản sao {của |}set', 'sách hướng dẫn copy', '{không|ko} qua công ty giữ bản quyền', 'tự để {giống |}lại rồi nhân ra bán', '{chưa|không|ko} được {disney|marvel|nickelodeon|pokemon|nintendo|sanrio|toei|bandai|lego|warner|dc|pixar|netflix|hybe|chủ sở hữu|hãng|tác giả} cấp phép', '{không|ko} qua {disney|marvel|nickelodeon|pokemon|nintendo|sanrio|toei|bandai|lego|warner|pixar|hãng}', '{tự |}vẽ lại từ {phim|truyện|anime|hoạt hình}', 'in theo {đúng |}mẫu phim', 'kèm logo {marvel|disney|dc|pokemon|nintendo|sanrio}', 'mô phỏng {100%|hoàn toàn|y hệt}', '{đã được|được} đăng ký kiểu dáng', 'kiểu dáng {công nghiệp |}{đã |}được bảo hộ', 'bố cục giống', 'in bao y chang', '{giấy |}ủy quyền {của hãng |}{đang |}chờ cấp', 'tự giới thiệu là {nhà phân phối|đại lý}', '{giấy chứng nhận|giấy ủy quyền|chứng nhận} {trong ảnh |}{do shop |}tự thiết kế', '{không|ko|k} qua {license|licence|bản quyền|cấp phép}', 'tự in {không|ko|k} {license|bản quyền}', 'cắt từ anime', 'copy khuôn', 'copy khuôn {bandai|lego|hãng}', 'bản copy {y chang|y hệt|giống} set', '{không|ko|k} có tem {bandai|hãng|chính hãng|license}', 'bản fan made', 'fanmade', 'fan made', '{không|ko|k|chưa} {có |dán |}tem bản quyền', 'lepin', '{bản|hàng} copy {set|bộ|mẫu} lego', 'nhái lego', '{tải|lấy|down|tải về|sưu tầm} {trên|từ} {mạng|pinterest|google|internet|facebook} {về |}{in|thêu|may}', '{hình|logo|ảnh|file logo|file hình} {tải|lấy|sưu tầm|down} {từ|trên} {mạng|pinterest|google|internet}', 'xưởng tự may theo mẫu', 'tự may theo mẫu', '{không|ko|k|chưa|hông} {có |được |phải |phải hàng |}{bản quyền|cấp phép|license|licensed}', 'không phải hàng bản quyền', '{không|ko|k|chưa} {mua|xin|đăng ký|trả phí} {bản quyền|license|giấy phép}', 'chưa được {cấp phép|phép|cấp bản quyền}', '{hàng|sản phẩm|đồ} {không|ko|k|chưa} {có |}bản quyền', 'không mua bản quyền', 'in lậu', 'in nhái', 'sách in nhái', 'bản in lậu', 'hình in lậu'],
  'Người bán nói hàng không có bản quyền / chưa được cấp phép dùng hình ảnh, nhân vật hoặc thương hiệu: có dấu hiệu xâm phạm quyền sở hữu trí tuệ.',
  'The seller says the goods are unlicensed (no rights to the character, artwork or brand): may infringe intellectual-property rights.',
  ['Mô hình Gundam copy khuôn Bandai, không có tem Bandai', 'Áo in Luffy, shop tự in ko qua license', 'Gấu bông Pikachu xưởng tự may, không có tem bản quyền', {'title': 'Gối ôm Luffy One Piece', 'description': 'Hình tải từ Pinterest về in lên vải'}, 'Đồ chơi lắp ráp Lepin tương thích Lego', 'Gấu bông Doraemon hàng không bản quyền', 'Áo đấu CLB in logo, không phải hàng bản quyền', 'Sticker Disney tự in, chưa được cấp phép', 'Truyện tranh bản in lậu'],
  ['Mô hình Gundam Bandai chính hãng có tem', 'Gấu bông Pikachu chính hãng Pokemon Center có tem', 'Nhạc nền không bản quyền cho video YouTube', 'Hình ảnh minh họa không vi phạm bản quyền', 'Font chữ không bản quyền', 'Đĩa phim chính hãng có bản quyền'],
  context={'forbidAny': ['nhạc', 'âm nhạc', 'music', 'nhạc nền', 'font', 'phông chữ', 'ảnh stock', 'hình ảnh', 'vi phạm', 'video', 'beat', 'sound', 'hiệu ứng', 'template', 'mẫu thiết kế', 'stock'], 'forbidWindow': 25})
R('ip.logo-not-genuine', 'ip_infringement', 5,
  ['{không|ko|k} phải {là |}{hàng |sản phẩm |phụ kiện |}{chính hãng|hãng|của hãng|hàng hãng|auth|bản quyền}', 'hàng không chính hãng', 'không phải hàng chính hãng'],
  'Sản phẩm mang logo/hình thương hiệu nhưng người bán thừa nhận không phải hàng chính hãng: có dấu hiệu dùng nhãn hiệu trái phép.',
  'The product carries a brand\'s logo or artwork but the seller admits it is not genuine: possible unauthorised use of a trademark.',
  [{'title': 'Nón kết thêu logo Ferrari', 'description': 'thêu theo yêu cầu, không phải hàng hãng'}, 'Móc khóa đúc logo Mercedes, hàng không chính hãng'],
  ['Cáp sạc tương thích iPhone, không phải hàng chính hãng Apple', 'Ốp lưng không phải hàng chính hãng'],
  context={'requireAny': ['logo', 'in hình', 'thêu hình', 'in logo', 'thêu logo', 'đúc logo', 'in nhãn hiệu', 'mác hãng', 'tem hãng'], 'forbidAny': ['{không|ko} nhái logo', 'tự thiết kế', 'tương thích', 'dành cho', 'thay thế cho', 'thay thế', 'logo shop', 'logo riêng', 'thương hiệu riêng'], 'forbidWindow': 60})
R('ip.piracy', 'ip_infringement', 6,
  ['dùng chung {1 |một |}{acc|tài khoản}', 'share tài khoản', '{acc|tài khoản} dùng chung', '{mỗi người|1 người} {1 |một |}profile', 'pdf/epub', 'file pdf/epub', 'bìa y chang {bản |}{nhã nam|kim đồng|alpha books|first news|nxb|gốc}', '{bản |}photo đóng gáy', 'đọc không khác gì bản {kim đồng|gốc|nhã nam|chính hãng}', 'copy toàn bộ kho bài', '{không|ko} cần mua {bản quyền|license|key}', 'key trial reset', 'trial reset', 'reset trial', 'patch {tự động |}gia hạn', 'app {đã |}mod sẵn', 'apk mod', 'font thương mại {của|đã}', '{font|phông} {monotype|adobe fonts|linotype}', 'xem {trọn bộ |}kênh trả phí', '{không|ko} mất {tiền|phí} thuê bao', 'phim {netflix|disney+|disney|hbo|hbo max} vietsub', 'link xem phim vip', 'burn lại', 'đĩa burn', 'ghi lại từ bản gốc', 'cr ack', 'cra ck', 'bản cr ack', 'in {màu |}từ file pdf', 'photo in màu', 'xem {k+|kplus|k plus|vtvcab|bein|kênh k+} {free|miễn phí}', '{k+|bein|vtvcab} free', 'free vĩnh viễn', 'không mất phí tháng', '{tải về|tải} từ {các |}{trang|web|khóa|khoá} {học online |}trả phí', 'trang học online trả phí', 'gộp lại gửi qua drive', 'freepik premium', '{preset|template|font} {lightroom |}bản trả phí', 'scan từ bản trên mạng', 'in scan {từ|lại}', 'từ bản trên mạng', '{rip|rip lại|chép lại|tải lại|chép} từ {netflix|disney+|disney|youtube|spotify|cd gốc|đĩa gốc|album|các album}', 'gom từ {các |}{khóa|khoá}', 'tách lời từ bản thu', 'in lại từ file', 'file pdf trên mạng', '{không|ko} có tem {của |}{nhã nam|kim đồng|alpha books|first news|nxb|nhà xuất bản}', 'pdf scan', 'scan {full |}từ sách', 'bản scan dịch', 'scan dịch', 'fan scan', 'nhóm {fan |}scan', '{thẻ|bài|card|lá} proxy', '{pokemon|pokémon|yugioh|yu-gi-oh|mtg|magic|one piece} proxy', 'proxy in lại', 'in proxy', 'envato {elements |}full', 'font thương mại {việt hóa|việt hoá|đã việt hóa|đã việt hoá|crack|full}', 'dùng {làm |}thương mại thoải mái', 'tài khoản iptv', 'iptv {12 tháng|1 năm|giá rẻ|full hd}', 'thay vì mua {gói |}bản quyền', 'rip từ {spotify|apple music|youtube|zing mp3|nhaccuatui|tidal|soundcloud}', 'nhạc rip', 'bản quay rạp', 'quay {lén |}{ở |}rạp', 'bản cam rạp', '{phim|truyện|sách|manga|comic|truyện tranh} {pdf|bản pdf|file pdf|bản scan}', 'pdf full', 'file pdf {full|trọn bộ|đẹp}', '{gửi|send} file pdf', 'file scan', 'bản scan {đẹp|rõ|full}', 'key {tạo từ tool|tool|từ tool|crack|lậu|gen}', 'keygen', 'tạo từ tool', '{đã |}patch sẵn', 'đã patch', '{active|kích hoạt|crack|cr@ck} sẵn', '{không|ko|k} cần key', 'in lại {từ|theo} {bản|sách|bộ}', 'in lại {bản|bộ} {gốc|của nxb}', 'link phim', 'gửi link {phim|xem phim|xem}', '{phim|truyện} {full|trọn} bộ {vietsub|thuyết minh} {link|drive|tải về}', 'vietsub {link|drive}', 'drive phim', '{tải|xem} {phim|truyện} {offline|qua drive|qua link}', 'sách photo', 'sách in lậu', 'sách lậu', 'photo màu {sách|giáo trình}', 'sách scan', 'ebook lậu', 'file pdf {sách|giáo trình}', 'pdf {sách|giáo trình}', '{sách|giáo trình} {bản |}pdf', 'full crack', 'crack', 'bản crack', 'phần mềm crack', 'bẻ khóa', 'bẻ khoá', 'key lậu', 'game lậu', 'game crack', 'đĩa game copy', 'phim lậu', 'iptv {trọn đời|full kênh|vĩnh viễn}', 'xem {k+|kplus|k plus} miễn phí', 'full kênh {k+|kplus|k plus}', 'tài khoản {netflix|spotify|youtube premium|canva pro|chatgpt plus|chatgpt|capcut pro|office 365} {dùng chung|share|giá rẻ|vĩnh viễn|1 năm}', '{sách|giáo trình|truyện|tài liệu} {bản |}{photo|photocopy|in lại|scan|in màu lại}', '{bản|sách} photo {màu|đen trắng|khổ|rõ}', 'photo {sách|giáo trình|truyện}', 'scan từ sách', 'file scan {sách|giáo trình}', 'sách in lại giá rẻ', '{đĩa|usb|ổ cứng|thẻ nhớ} {chép|chép sẵn|copy sẵn|cài sẵn} {phim|game|nhạc}', '{đĩa|usb|ổ cứng|thẻ nhớ} {phim|game} {chép|chép sẵn|copy}', '{phim|game|nhạc} chép sẵn', 'đĩa chép', 'đĩa lậu', '{đĩa|usb} {game|phim} {copy|chép|ghi}', 'game copy', 'đĩa ghi {game|phim}', '{máy|ps2|ps3|ps4|psp|wii|switch} {đã |}độ chip', '{máy|ps4|switch} {đã |}hack', 'rip từ {netflix|disney|hbo|fpt play|vieon}', '{khóa học|tài liệu|khoá học|course} {leak|share lại|share}', 'tài liệu leak', 'share khóa học', 'share khoá học', 'apk mod', 'bản mod', '{premium|pro|vip} mod', 'mod {premium|vip|full}', 'hack {game|full|kim cương|tiền}', 'game lậu', 'máy đã hack', 'hack chép game', 'chép game', 'cài game {lậu|crack|free}', 'jailbreak cài game', 'key {win|windows|office} {crack|lậu}', '{win|windows|office|photoshop|autocad|adobe} {crack|full crack|bản crack}', 'kích hoạt {crack|lậu}', '{acc|tài khoản|tk|slot} {netflix|spotify|youtube premium|canva pro|chatgpt|capcut pro} {share|dùng chung}', 'netflix {share|dùng chung}', 'share {acc|tài khoản} {netflix|spotify|canva}', 'nâng cấp {youtube premium|canva pro|spotify premium} giá rẻ', 'kích hoạt vĩnh viễn {win|windows|office}', '{win|windows|office} bản quyền vĩnh viễn giá rẻ', 'key {win|windows|office} giá rẻ'],
  'Có dấu hiệu bản sao trái phép (sách photo, phần mềm crack, tài khoản dùng chung, IPTV lậu): có thể xâm phạm quyền tác giả.',
  'Signs of unauthorised copies (photocopied books, cracked software, shared accounts, pirate IPTV): may infringe copyright.',
  ['Thẻ bài Pokemon proxy in lại bài hiếm', 'Combo 300 ebook PDF scan từ sách giấy', 'Phim chiếu rạp bản quay rạp, gửi link xem', 'AutoCAD 2024 đã patch sẵn, không cần key', 'Truyện tranh Conan PDF full 100 tập', 'Key Windows tạo từ tool giá 20k', 'Sách photo giáo trình kinh tế vĩ mô', 'Phần mềm Autocad full crack vĩnh viễn', 'Tài khoản Netflix dùng chung 1 tháng', 'Box IPTV trọn đời xem K+ miễn phí', 'Giáo trình PDF ngữ pháp tiếng Anh'],
  ['Hộp đựng thẻ bài Pokemon chính hãng', 'Máy quay phim Sony 4K', 'Sách Conan tập 100 bản gốc NXB Kim Đồng', 'Máy photocopy Ricoh cũ', 'Bánh quy crackers AFC', 'Sách giáo khoa lớp 5 bản gốc NXB Giáo dục', 'Thẻ Netflix gift card chính hãng'],
  context={'forbidAny': ['hướng dẫn sử dụng', 'catalog', 'hóa đơn', 'tự soạn', 'tự biên soạn', 'của tác giả', 'có bản quyền', 'chính chủ', 'máy photo', 'máy photocopy', 'bánh', 'crackers', 'chống crack', 'mặt nạ', 'nứt', 'công chứng', 'dịch vụ photo', 'tiệm photo', 'giấy photo', 'mực photo', 'album'], 'window': 20})

# ---------------- smuggled ----------------
R('smuggled.explicit', 'smuggled', 6,
  ['<NEG> kiểm dịch', '{về|đi} theo đường biên', '<NEG> có giấy kiểm dịch', '{không|ko} chính ngạch', 'đường không chính {ngạch|thức}', '<NEG> qua cửa khẩu', 'cửa khẩu phụ', 'theo đường mòn', '<NEG> có chứng từ {nguồn gốc|nhập khẩu}', '{không|ko|k|chưa} khai báo hải quan', '{không|ko|k} qua thuế', '{về|đi} {đường bộ|đường biển|đường tiểu ngạch} {không|ko|k} {qua thuế|giấy tờ|hóa đơn|khai báo}', 'hàng đi tay {không|ko|k} {khai báo|hóa đơn|giấy tờ}', 'hàng lậu', 'hàng nhập lậu', 'nhập lậu', 'đồ lậu', 'hàng tuồn', 'tuồn qua biên giới', 'hàng tiểu ngạch', 'đường tiểu ngạch', 'đi tiểu ngạch', 'hàng biên giới', 'hàng cửa khẩu', 'hàng chợ biên', 'hàng đi bộ', '<NEG> qua {hải quan|thông quan|kiểm hóa|kiểm hoá|kiểm dịch}', '<NEG> {có |}nguồn gốc rõ ràng', 'hàng {hành lý|tiếp viên}', 'gom của tiếp viên', 'khai giá thấp', '{khỏi|né|trốn|để khỏi} đóng thuế', 'không khai hải quan', 'trốn thuế', 'né thuế', 'lách thuế', '{không|ko|k|chưa} đóng thuế', '{không|ko|k|chưa} chịu thuế', 'giá rẻ vì {không|ko|k} {đóng |chịu |}thuế', 'hàng không thuế', 'không rõ nguồn gốc', 'không rõ xuất xứ', 'không nguồn gốc', 'không rõ nguồn gốc xuất xứ', 'hàng trôi nổi', 'hàng bãi', 'hàng bãi nhật', 'hàng thanh lý hải quan {không giấy|ko giấy}', 'không có giấy tờ nhập khẩu', 'không giấy tờ nhập khẩu', 'hàng không giấy tờ', 'xe không giấy tờ', 'hàng xách tay không hóa đơn', 'hàng ship lậu', 'hàng nhập không tờ khai', 'hàng bao thuế {không|ko} hóa đơn', 'hàng đường biên', '{thuốc lá|thuốc|rượu|bia|đường cát|xăng|hàng|đồ} đường biên {campuchia|lào|trung quốc|tq|thái|giá rẻ|giá sỉ|về}', 'hàng chui', 'nhập chui', 'đi chui', 'hàng lậu thuế', 'lậu thuế', 'hàng trốn thuế', '{hàng|rượu|thuốc lá|xe|máy} bao thuế', 'bao thuế {giá rẻ|rẻ hơn|bao cân|bao ship}', 'hàng né thuế', '{máy|hàng} né thuế', 'không qua {hải quan|thông quan|kiểm hóa}', '{không|ko|k|chưa} {dán |có |}tem {nhập khẩu|thuế|hải quan|tiêu thụ đặc biệt}', '{rượu|thuốc lá|xì gà|bia} {ngoại |}{không|ko|k|chưa} {có |dán |}tem', '{không|ko|k} {có |}giấy tờ {nguồn gốc|xuất xứ|nhập khẩu|hải quan}', 'không rõ {nguồn|nguồn hàng|xuất xứ nguồn gốc}', '{không|ko|k} {có |}{co|c/o} {cq|c/q}', '{hàng|lô hàng} {không|ko|k} {có |}giấy tờ', 'hàng tạm nhập tái xuất', 'hàng {cửa khẩu|biên mậu} {giá rẻ|không hóa đơn}'],
  'Tin đăng tự nêu hàng nhập lậu, không đóng thuế hoặc không rõ nguồn gốc: có dấu hiệu hàng nhập lậu.',
  'The listing itself mentions smuggling, unpaid duty or unknown origin: it may involve smuggled goods.',
  ['Thuốc lá Esse hàng tuồn giá rẻ', 'Rượu ngoại giá rẻ vì không đóng thuế', 'Máy lọc không khí hàng bãi Nhật', 'khong ro nguon goc, bao re', 'Nồi chiên h.à.n.g l.ậ.u Thái'],
  ['Sản phẩm có nguồn gốc xuất xứ rõ ràng, đầy đủ tờ khai hải quan', 'Cẩn thận hàng trôi nổi không rõ nguồn gốc, hãy mua chính hãng', 'Giá đã bao gồm thuế VAT', 'Dịch vụ vận chuyển hàng đường biển quốc tế', 'Xe đạp đường biên? Không, xe đạp địa hình'],
  context={'exemptAny': BOOK, 'forbidAny': ['cẩn thận', 'coi chừng', 'tránh mua', 'đừng mua', 'nói không với', 'không bán', 'khác với', 'thay vì', 'phân biệt', 'tránh xa', 'thận trọng', 'cảnh giác', 'biên độ', 'biên tập', 'bản đồ', 'địa hình', 'vận chuyển', 'quốc tế', 'tàu biển', 'cảng', 'container', 'logistics', 'đường hàng không', 'đường bộ', 'gửi hàng', 'cước', 'du lịch', 'biển đảo'], 'forbidWindow': 40})
R('smuggled.foreign-no-documents', 'smuggled', 3,
  ['<NEG> {có |}{hóa đơn|hoá đơn|hđ|bill|chứng từ|giấy tờ|co cq|co/cq|tờ khai|hóa đơn đỏ|hóa đơn vat}', '{không|ko|k} xuất {được |}{hóa đơn|hoá đơn|hđ}', 'không bill', 'no bill', '{cần|lấy} {hóa đơn|bill} {thì |}{chịu|không có|ko có}', 'hàng cá nhân {mang về|xách về|mua về}', 'hàng {cá nhân|xách tay} {không|ko|k} giấy tờ'],
  'Hàng nước ngoài (xách tay, nội địa, nhập khẩu, rượu/thuốc lá ngoại) mà người bán nói không có hóa đơn, chứng từ: có dấu hiệu hàng nhập lậu.',
  'Foreign goods (hand-carried, foreign-domestic, imported, foreign liquor or cigarettes) that the seller says come without invoice or papers: possibly smuggled.',
  [{'title': 'Rượu vang Pháp Bordeaux', 'description': 'hàng cá nhân mang về, không có hóa đơn chứng từ'}, 'Sâm Hàn Quốc xách tay, cần hóa đơn thì chịu', 'Nồi cơm nội địa Nhật không bill'],
  ['Áo thun may tại Việt Nam, không xuất hóa đơn', 'Rượu vang Pháp nhập khẩu có hóa đơn VAT đầy đủ'],
  context={'requireAny': ['xách tay', 'nội địa', 'nhập khẩu', 'nhập', 'hàng ngoại', 'ngoại nhập', 'mang về', 'pháp', 'nhật', 'hàn', 'hàn quốc', 'thái', 'thái lan', 'mỹ', 'úc', 'đức', 'anh', 'ý', 'trung quốc', 'tq', 'quảng châu', 'campuchia', 'lào', 'singapore', 'đài loan', 'hồng kông', 'châu âu', 'usa', 'japan', 'korea', 'rượu', 'thuốc lá', 'xì gà', 'order', 'duty free'],
           'forbidAny': ['đầy đủ', 'có xuất', 'xuất được', 'vat đầy đủ', 'nếu cần', 'có bill', 'còn bill'], 'forbidWindow': 10})
R('smuggled.no-documents', 'smuggled', 3,
  ['<NEG> {có |}{hóa đơn|hoá đơn|hđ|bill|chứng từ|giấy tờ|co cq|co/cq|tờ khai}', '{không|ko|k} xuất {được |}{hóa đơn|hoá đơn|hđ}', 'không có {hóa đơn|hoá đơn} chứng từ', 'không bill', 'no bill', 'no invoice', 'không có tờ khai', 'không tem nhập khẩu', 'không tem thuế'],
  'Người bán nói không có hóa đơn, chứng từ, giấy tờ nhập khẩu: có dấu hiệu hàng nhập lậu (hàng nước ngoài không chứng từ thường bị coi là nhập lậu).',
  'The seller says there is no invoice or import paperwork; possible smuggled goods (foreign goods without documents are treated as smuggled in practice).',
  ['Rượu vang Pháp không hóa đơn chứng từ', 'Nước hoa xách tay ko bill', 'Máy ảnh không có giấy tờ nhập khẩu'],
  ['Xuất hóa đơn VAT đầy đủ', 'Có hóa đơn chứng từ rõ ràng', 'Hàng chính hãng có CO CQ'],
  context={'forbidAny': ['đầy đủ', 'có xuất', 'xuất được', 'vat đầy đủ', 'nếu cần'], 'forbidWindow': 10})
R('smuggled.hand-carried', 'smuggled', 2,
  ['xách tay', 'hàng xách tay', 'xách tay {mỹ|nhật|hàn|úc|pháp|đức|thái|đài|hongkong|hồng kông|singapore|anh|canada|châu âu|usa}', 'xách tay chuẩn auth', 'hàng order', 'order {trung|taobao|1688|quảng châu}', 'nội địa {trung|tq|nhật|hàn|thái|đài|mỹ|úc}', 'hàng nội địa', 'bao thuế', 'bao thuế bao ship', 'hàng trung quốc nội địa', 'hàng thái nội địa', 'hàng nhật nội địa', 'hàng auth xách tay', 'tax free', 'mua tại duty free'],
  'Hàng "xách tay / order / nội địa nước ngoài": tín hiệu yếu, người bán trung thực cũng dùng; cần xem thêm hóa đơn và nhãn phụ.',
  'Hand-carried / ordered / foreign-domestic goods: a weak signal (honest resellers use it too); check invoices and the Vietnamese sub-label.',
  ['Sữa rửa mặt Hada Labo xách tay Nhật', 'Máy sấy tóc Xiaomi nội địa Trung', 'Nước hoa hàng order Pháp'],
  ['Túi xách tay nữ công sở', 'Quạt cầm tay mini', 'Máy khoan cầm tay Bosch'],
  context={'forbidAny': ['túi xách tay', 'tui xach tay', 'ví xách tay', 'cặp xách tay', 'giỏ xách tay', 'đèn xách tay', 'loa xách tay', 'máy xách tay', 'hộp xách tay', 'vali xách tay', 'quai xách tay', 'túi xách', 'cặp xách', 'vali', 'giỏ xách', 'loa', 'quai'], 'forbidWindow': 6})
R('smuggled.foreign-cigarettes', 'smuggled', 5,
  ['thuốc lá {jet|hero|esse|555|marlboro|craven|caraven|zest|scott|mevius|mild seven|camel|dunhill|kent|winston|lucky strike|black devil|ngoại|nhập khẩu|lào|campuchia|thái|mỹ|nhật|hàn|trung quốc|bạc hà ngoại}', 'cây thuốc lá', 'thuốc lá điếu {ngoại|nhập}', '{esse|jet|hero|marlboro|555|craven|mevius} {cây|bao|gói|tút|tút 10 bao}', '{esse|jet|hero|marlboro|555|craven|mevius|dunhill|kent|winston|camel|caraven} thuốc lá', 'xì gà {cohiba|cuba|nhập khẩu}', 'cigarette', 'cigarettes', 'thuốc lào {lậu|bắc}'],
  'Chào bán thuốc lá điếu ngoại trên mạng: có dấu hiệu hàng nhập lậu, và việc bán thuốc lá cần giấy phép.',
  'Foreign cigarettes offered online: possibly smuggled, and selling tobacco requires a licence.',
  ['Thuốc lá Esse Change bạc hà cây 10 bao', 'Jet cây giá sỉ', 'Thuoc la Hero nhap khau'],
  ['Bật lửa Zippo chính hãng', 'Kẹo cao su bạc hà Cool Air', 'Áo phông in hình 555'],
  legal='tobacco')

# ---------------- label ----------------
R('label.no-sub-label', 'missing_vn_label', 5,
  ['<NEG> có sticker tiếng việt', '{nhật bản|nhật} {bản |}nội địa', '{chưa|không|ko} có {nhãn|hướng dẫn|nhãn và hướng dẫn|hướng dẫn sử dụng} tiếng việt', '{toàn|chỉ có|toàn bộ} tiếng {trung|hàn|nhật|thái|anh}', 'chưa có tiếng việt', 'dán giấy dịch', 'chưa kịp dán nhãn phụ', '<NEG> có nhãn mác', '<NEG> in nhãn', '<NEG> ghi {ngày sản xuất|hạn sử dụng|thành phần|tên cơ sở|ngày đóng chai|nhà sản xuất}', '<NEG> {có |dán |}{tem phụ|nhãn phụ|tem nhãn phụ|tem phụ tiếng việt|nhãn phụ tiếng việt|nhãn tiếng việt|tem tiếng việt|tem nhập khẩu|tem phụ nhập khẩu|hướng dẫn tiếng việt|hdsd tiếng việt}', 'thiếu tem phụ', 'thiếu nhãn phụ', 'chưa dán tem', 'không tem không nhãn', 'không tem', 'no tem', 'ko tem', 'k tem', 'hàng không tem', 'hàng chưa tem', 'bao bì {full|toàn|100%} chữ {trung|nhật|hàn|thái|tàu}', 'bao bì nội địa {trung|nhật|hàn|thái}'],
  'Tin đăng cho biết sản phẩm không có tem/nhãn phụ tiếng Việt hoặc nhãn chỉ bằng tiếng nước ngoài: có dấu hiệu thiếu nhãn phụ theo NĐ 43/2017.',
  'The listing says there is no Vietnamese sub-label, or the label is in a foreign language only: may breach Decree 43/2017 labelling rules.',
  ['Kem chống nắng Anessa nội địa Nhật không tem phụ', 'Sữa bột Meiji hàng ko có tem phụ tiếng Việt', 'Nước giặt Hàn Quốc chưa có nhãn phụ', 'Nồi cơm điện nội địa Nhật chưa dán tem phụ'],
  ['Kem chống nắng chính hãng có tem phụ tiếng Việt đầy đủ', 'Sữa rửa mặt giá 120k có tem phụ nhập khẩu', 'Sữa bột nhập khẩu có nhãn phụ', 'Giáo trình học tiếng Trung cơ bản'],
  context={'forbidAny': ['sách', 'giáo trình', 'học tiếng', 'từ điển', 'truyện', 'bàn phím'], 'forbidWindow': 20})
R('label.foreign-language-only', 'missing_vn_label', 5,
  ['{bằng |}{tiếng|chữ} {trung|nhật|hàn|thái|anh|đức|nga|đài|tàu}', 'tiếng {trung|nhật|hàn|thái} {thôi|hoàn toàn|100%|nguyên bản}'],
  'Nhãn, bao bì hoặc hướng dẫn chỉ bằng tiếng nước ngoài: có dấu hiệu thiếu nhãn phụ tiếng Việt theo NĐ 43/2017.',
  'The label, packaging or instructions are in a foreign language only: may breach the Vietnamese sub-label rules of Decree 43/2017.',
  ['Dầu gội Thái bao bì 100% tiếng Thái', 'Nồi chiên, hướng dẫn tiếng Trung', 'Sữa chua khô, hạn dùng in tiếng Trung', 'Dầu ăn dặm cho bé, nhãn tiếng Hàn thôi nha'],
  ['Giáo trình học tiếng Trung cơ bản', 'Hướng dẫn sử dụng tiếng Anh và tiếng Việt', 'Sách song ngữ tiếng Nhật', 'Bàn phím in chữ Hàn', 'Gia sư dạy tiếng Hàn'],
  context={'requireAny': ['nhãn', 'bao bì', 'hướng dẫn', 'hdsd', 'vỏ hộp', 'hạn dùng', 'hsd', 'date', 'thành phần', 'nhãn gốc', 'tem', 'chữ in'], 'window': 30,
           'forbidAny': ['tiếng việt', 'song ngữ', 'sách', 'giáo trình', 'học tiếng', 'từ điển', 'truyện', 'bàn phím', 'dạy', 'gia sư', 'khóa học', 'phiên dịch', 'dịch thuật', 'phụ đề', 'vietsub', 'lồng tiếng', 'thuyết minh'], 'forbidWindow': 40})
R('label.foreign-domestic', 'missing_vn_label', 2,
  ['nội địa {trung|tq|nhật|hàn|thái|đài|mỹ|úc}', 'hàng nội địa {trung|tq|nhật|hàn|thái|đài}', 'bản nội địa {trung|tq|nhật|hàn}', 'hàng nội địa'],
  'Hàng "nội địa" nước ngoài thường không có nhãn phụ tiếng Việt: tín hiệu yếu, cần kiểm tra nhãn.',
  'Foreign-domestic goods often lack a Vietnamese sub-label: weak signal, check the label.',
  ['Máy sấy tóc Xiaomi nội địa Trung', 'Kem dưỡng Hada Labo nội địa Nhật'],
  ['Hàng Việt Nam sản xuất nội địa chất lượng cao'])

# ---------------- banned ----------------
R('banned.e-cigarette', 'banned_goods', 8,
  ['thuốc lá điện tử', 'tlđt', 'thuốc lá nung nóng', 'vape', 'vapes', 'vape pod', 'pod system', 'pod kit', 'pod 1 lần', 'pod dùng 1 lần', 'disposable pod', 'tinh dầu {pod|vape|salt|saltnic|freebase}', 'juice vape', 'salt nic', 'saltnic', 'nic salt', 'freebase', 'đầu pod', 'đầu pod thay thế', 'pod thay thế', 'iqos', 'heets', 'terea', 'ploom', 'iluma', 'glo hyper', 'juul', 'relx', 'smok', 'caliburn', 'voopoo', 'vaporesso', 'geekvape', 'uwell', 'lost mary', 'elf bar', 'elfbar', 'hqd', 'pixo', 'oneo', 'pava', 'drag x', 'drag s', 'argus', 'oxva', 'xros', 'wenax', 'sp2s', 'snowwolf', 'pod', 'pods', 'shisha điện tử', 'e-cig', 'ecig', 'e cigarette', 'vaper', 'puff bar', 'puffbar', '{6000|8000|10000|12000|15000|20000} hơi', '{6000|8000|10000|12000|15000|20000} puff', '{6k|8k|10k|12k|15k} puff', 'ống hút điện tử', 'tẩu điện tử', 'shisha pod', 'thuốc lá điện', 'vape pod', 'pod {1 lần|dùng 1 lần|dùng một lần|kit|system}', 'đầu pod', 'pod thay thế'],
  'Có dấu hiệu chào bán thuốc lá điện tử / thuốc lá nung nóng (tên thiết bị, tinh dầu, pod): mặt hàng bị cấm kinh doanh từ năm 2025.',
  'Signs of e-cigarettes or heated tobacco (device names, e-liquid, pods): banned from trade since 2025.',
  ['Pod Caliburn G3 chính hãng', 'Tinh dầu salt nic 30ml vị xoài', 'Thiết bị IQOS Iluma kèm Terea', 'v.a.p.e 8000 hơi vị nho', 'Thuoc la dien tu Relx'],
  ['Chân máy ảnh tripod Benro', 'Tai nghe AirPods Pro 2', 'Cà phê viên nén Nespresso 10 viên', 'Bông tẩy trang Ipek'],
  regexes=[{'source': r'(?<![\d.,])(?:\d{3,5}|\d{1,2}[.,]\d{3}|\d{1,2} ?k) ?(?:hoi|puff|puffs|hits)(?![a-z])', 'minDigits': 1, 'triggers': ['hơi', 'puff', 'puffs', 'hits']}],
  legal='ecig',
  context={'forbidAny': ['cà phê', 'cafe', 'coffee', 'nespresso', 'capsule', 'viên nén', 'trà túi lọc', 'hạt giống', 'hạt đậu', 'viên giặt', 'nước giặt', 'airpods', 'tai nghe', 'pod máy bay', 'ipod', 'podcast', 'kính áp tròng', 'áp tròng', 'lens', 'nồi hơi', 'bàn ủi', 'bàn là', 'xông hơi', 'hơi nước', 'máy hơi', 'nồi áp suất', 'bình hơi', 'lò hơi', 'khí nén', 'máy nén'], 'forbidWindow': 25})
R('banned.e-cigarette-code', 'banned_goods', 7,
  ['máy xông hoa quả', 'máy xông trái cây', 'máy xông {vị|hương} {trái cây|hoa quả}', 'nước ép hoa quả', 'nước ép trái cây', 'đầu thay bàn chải điện', 'đầu thay {máy xông|bút xông}', 'xịt thơm miệng', 'tinh dầu', 'tinh dầu hoa quả', 'bút xông', 'máy xông mini', 'máy xông', 'đầu thay', 'kẹo hoa quả 18+', 'đồ chơi 18+ vị'],
  'Từ lóng thường dùng để rao thuốc lá điện tử ("máy xông hoa quả", "đầu thay bàn chải điện", "tinh dầu") đi kèm các từ như "18+", "hơi", "nic": có dấu hiệu hàng cấm.',
  'Code words used for e-cigarettes ("fruit diffuser", "electric toothbrush head", "essential oil") next to "18+", "puffs", "nic": possible banned goods.',
  [{'title': 'Đầu thay bàn chải điện vị nho 18+', 'description': 'hơi dày, kéo mượt'}, 'Máy xông hoa quả mini 18+ 6000 hơi', {'title': 'Tinh dầu hoa quả 30ml', 'description': 'Vị xoài lạnh, 35mg, dùng cho pod'}, 'Nước ép hoa quả 18+ hơi phê'],
  ['Máy xông tinh dầu phun sương khuếch tán 500ml', 'Tinh dầu tràm Huế nguyên chất cho bé', 'Đầu thay bàn chải điện Oral-B Cross Action 4 cái', 'Nước ép hoa quả tươi nguyên chất chai 330ml', 'Xịt thơm miệng Kin bạc hà 15ml'],
  legal='ecig',
  context={'requireAny': ['<VAPECTX>'], 'forbidAny': ['{không|ko|k} {chứa|có} nicotine', 'thơm miệng', 'hôi miệng', 'khuếch tán', 'phun sương', 'tràm', 'massage', 'nến', 'xông phòng', 'spa', 'oral-b', 'oral b', 'philips', 'sonicare', 'xiaomi', 'nguyên chất', 'xông mặt', 'xông hơi mặt', 'xông mũi', 'xông họng', 'khí dung', 'xông tóc'], 'forbidWindow': 120})
R('banned.weapons', 'banned_goods', 8,
  ['tinh chất ớt', 'xịt {thẳng |}vào mặt', 'mất khả năng chống cự', 'phóng điện', 'tự vệ {khi|lúc|cho} {đi|phụ nữ|chị em|con gái}', 'bắn bi {thép|sắt}', 'viên bi sắt', 'xuyên lon', 'súng {airsoft|glock|colt|beretta|desert eagle} {kim loại|co2|bắn bi}', 'nỏ trợ lực', 'bắn tên {sắt|đầu sắt|thép}', 'nỏ {săn|săn bắn}', 'săn bắn trong rừng', 'vũ khí tự vệ', 'đồ tự vệ', 'dụng cụ tự vệ', 'công cụ tự vệ', 'hàng tự vệ', 'đèn pin tự vệ', 'đèn pin chích điện', 'chích điện', 'roi điện', 'roi chích điện', 'gậy điện', 'kìm điện tự vệ', 'súng điện', 'súng chích điện', 'dùi cui', 'dùi cui điện', 'baton', 'gậy rút {3|ba} khúc', 'gậy {3|ba} khúc', 'côn {3|ba} khúc', 'gậy baton', 'bình xịt hơi cay', 'xịt hơi cay', '{bình |}xịt {tự vệ|phòng thân|chống cướp|chống biến thái}', 'xịt tự vệ hơi cay', 'xịt cay', 'hơi cay tự vệ', 'còng số 8', 'còng tay số 8', 'súng {hơi|pcp|săn|quân dụng|colt|glock|k54|k59|rulo|ru lô|lục|ngắn|tự chế|bắn đạn chì|bắn đạn bi sắt|bắn bi sắt|bắn chì|hoa cải|bắn đạn thép|cồn bắn đạn}', 'pcp {cao áp|săn|bắn}', 'đạn chì {4.5|5.5|6.35}', 'đạn chì', 'đạn bi sắt', 'đạn súng hơi', 'ống giảm thanh', 'nỏ săn', 'nỏ bắn cá', 'nỏ thể thao bắn', 'dao găm', 'mã tấu', 'dao bấm', 'dao bấm {tự động|lò xo|bật}', 'dao bướm', 'dao phóng', 'dao tự vệ', 'dao phòng thân', 'dao quân dụng', 'mang theo tự vệ', 'để tự vệ', 'phòng thân tự vệ', 'kiếm {sắc|thép sắc|chém}', 'mã tấu', 'dao {chặt|phát} tự vệ', 'gậy {tự vệ|phòng thân}', 'súng {bắn đạn chì|bắn chì|bắn bi thép|bắn bi sắt|bắn cồn|bắn đạn thép|cao áp|bắn chim}', 'kiếm katana thép', 'súng bắn điện', 'taser', 'stun gun', 'súng cao su bắn bi sắt', 'ná cao su bắn bi sắt', 'lựu đạn', 'kíp nổ', 'thuốc nổ', 'ngòi nổ', 'dây cháy chậm'],
  'Có dấu hiệu chào bán vũ khí hoặc công cụ hỗ trợ (roi điện, bình xịt hơi cay, dùi cui, súng hơi…): mặt hàng bị hạn chế/cấm kinh doanh theo Luật 42/2024/QH15.',
  'Signs of weapons or support tools (stun batons, pepper spray, air guns…): restricted or banned under Law 42/2024/QH15.',
  ['Sạc dự phòng chế độ phóng điện, tự vệ khi đi đêm', 'Súng airsoft Glock kim loại bắn bi thép 6mm', 'Nỏ trợ lực bắn tên sắt', 'Đèn pin chích điện tự vệ siêu mạnh', 'Bình xịt hơi cay mini cho nữ', 'Gậy rút 3 khúc thép', 'Súng hơi PCP cao áp', 'roi đ.i.ệ.n tự vệ', 'Sạc dự phòng siêu mạnh kiêm chích điện'],
  ['Súng bắn keo nến 20W', 'Nỏ đồ chơi bằng nhựa cho bé', 'Súng bắn keo nến 20W', 'Súng bắn đinh hơi', 'Súng massage cầm tay', 'Súng phun sơn điện', 'Đèn pin siêu sáng sạc USB', 'Kìm điện cách điện 8 inch', 'Dao gọt hoa quả inox', 'Súng nước đồ chơi trẻ em'],
  legal='weapons',
  context={'exemptAny': BOOK, 'forbidAny': ['{không|ko|k} {dùng|có|chứa|sử dụng} thuốc nổ', 'không nổ', 'đồ chơi', 'mô hình', 'gỗ', 'nhựa', 'cosplay', 'trang trí', 'xốp', 'bọt', 'bắn nước', 'thạch', 'pin aa', 'bấm móng', 'móng tay', 'bấm cos', 'đầu cos', 'kìm bấm', 'khóa học', 'lớp học', 'võ', 'sách'], 'forbidWindow': 15})
R('banned.fireworks-context', 'banned_goods', 7,
  ['pháo hoa', 'pháo', 'giàn pháo'],
  'Pháo được rao kèm "nổ", "tầm cao", số ống/phát mà không thấy là pháo hoa của đơn vị được phép (Z121): có dấu hiệu pháo nổ bị cấm (NĐ 137/2020).',
  'Fireworks offered with "explodes", "high altitude", tube or shot counts and no sign of a licensed maker (Z121): possibly banned explosive fireworks (Decree 137/2020).',
  ['Pháo hoa bắn tầm cao 49 phát, nổ to', 'Giàn pháo 36 ống nổ giòn'],
  ['Pháo hoa Z121 Bộ Quốc phòng giàn 36 ống', 'Đèn led pháo hoa trang trí 8 chế độ', 'Pháo giấy bắn kim tuyến đám cưới'],
  legal='fireworks',
  context={'requireAny': ['nổ', 'tầm cao', 'phát', 'ống', 'giàn', 'tiếng nổ', 'đì đùng'], 'window': 40,
           'forbidAny': ['không nổ', 'ko nổ', 'z121', 'bộ quốc phòng', 'giấy', 'kim tuyến', 'điện tử', 'led', 'đèn', 'trang trí', 'hình', 'in hình', 'họa tiết', 'nến', 'bánh'], 'forbidWindow': 60})
R('banned.laughing-gas', 'banned_goods', 8,
  ['hít {vô|vào} cười', 'bóng bay {đã bơm sẵn|kèm bình khí}', 'bình khí {cười|n2o}', 'giao kèm bình khí', 'bóng cười', 'khí cười', 'n2o', 'funkyball', 'funky ball', 'nitrous oxide', 'bình khí cười', 'bình n2o', 'bóng cười n2o', 'hít bóng', 'bóng hơi phê'],
  'Có dấu hiệu chào bán khí cười/bóng cười (N2O): khí gây nghiện bị cấm theo NQ 173/2024/QH15.',
  'Signs of laughing gas / N2O balloons: an addictive gas banned under Resolution 173/2024/QH15.',
  ['Bình khí cười N2O 2kg giao nhanh', 'Bong cuoi giao tan noi', 'FunkyBall hộp 24 viên'],
  ['Bóng bay sinh nhật bộ chữ Happy Birthday', 'Bình xịt kem tươi dùng gas N2O làm bánh', 'Đồ chơi bóng cười bóp giảm stress'],
  legal='gas',
  context={'forbidAny': ['kem tươi', 'xịt kem', 'làm kem', 'whipping', 'làm bánh', 'bóng bay', 'bóp', 'squishy', 'giảm stress', 'mặt cười', 'đồ chơi'], 'forbidWindow': 40})
R('banned.fireworks', 'banned_goods', 7,
  ['pháo nổ', 'pháo hoa nổ', 'pháo bi', 'pháo dây', 'pháo tép', 'pháo đại', 'pháo trứng', 'pháo tự chế', 'thuốc pháo', 'pháo cối', 'pháo bánh {trung quốc|tq|nổ}', 'pháo {trung quốc|tq|lậu|lào}', 'pháo hoa {trung quốc|tq|lậu|lào|tự chế}', 'pháo nổ {trung quốc|tq}', 'pháo ống nổ', 'pháo điện tử nổ', 'pháo bông nổ', 'pháo chuột', 'pháo đùng', 'pháo hoa nổ tầm cao'],
  'Có dấu hiệu chào bán pháo nổ hoặc pháo không rõ nguồn gốc: bị cấm theo NĐ 137/2020 (chỉ pháo hoa của đơn vị được phép mới được lưu hành).',
  'Signs of explosive or unlicensed fireworks: banned under Decree 137/2020 (only licensed non-explosive fireworks may be sold).',
  ['Pháo bi Trung Quốc giao Tết', 'Pháo hoa nổ tầm cao 36 ống', 'Pháo dây nổ đám cưới', 'ph@o n.ổ giá sỉ'],
  ['Pháo giấy kim tuyến cầm tay đám cưới', 'Pháo hoa Z121 Bộ Quốc phòng chính hãng', 'Pháo bông que sinh nhật không nổ', 'Pháo điện tử đồ trang trí Tết không nổ'],
  legal='fireworks',
  context={'forbidAny': ['không nổ', 'ko nổ', 'trang trí', 'giấy', 'kim tuyến', 'z121', 'bộ quốc phòng', 'cầm tay'], 'forbidWindow': 30})
R('banned.wildlife', 'banned_goods', 8,
  ['{cu li|culi} {con|rừng|thuần tay|nuôi|làm cảnh|mắt to}', '{khỉ|chim|rùa|sóc bay|cu li|culi} {rừng |}bắt về', 'bẫy từ rừng', 'bắt từ rừng', 'ngà voi', 'vòng ngà', 'vòng tay ngà', 'nhẫn lông voi', 'lông đuôi voi', 'lông voi', 'da hổ', 'cao hổ', 'cao hổ cốt', 'cao hổ cốt', 'răng hổ', 'nanh hổ', 'móng hổ', 'xương hổ', 'hổ cốt', 'vảy tê tê', 'tê tê', 'sừng tê giác', 'sừng tê', 'bột sừng tê', 'móng gấu', 'mật gấu', 'tay gấu', 'cao gấu', 'cao khỉ', 'rượu {ngâm |}{hổ|gấu|tê tê|rắn hổ mang chúa|cá sấu con|khỉ}', 'rắn hổ mang chúa', 'đồi mồi thật', 'vảy đồi mồi', 'mai đồi mồi', 'rùa đồi mồi', 'vòng đồi mồi', 'lược đồi mồi', 'kính đồi mồi thật', 'gọng đồi mồi thật', 'trang sức đồi mồi', 'rùa biển', 'rùa núi vàng', 'chim quý hiếm', 'sừng tê giác châu phi', 'ngà voi châu phi', 'ngọc tê tê', 'trang sức ngà', 'nanh heo rừng', 'cao trăn gấm'],
  'Có dấu hiệu chào bán sản phẩm từ động vật hoang dã nguy cấp (ngà voi, sừng tê giác, tê tê, hổ, gấu…): bị cấm kinh doanh.',
  'Signs of products from endangered wildlife (ivory, rhino horn, pangolin, tiger, bear…): trade is prohibited.',
  ['Cu li con thuần tay làm cảnh', 'Vòng ngà voi Châu Phi', 'Nhẫn lông voi bọc vàng', 'Mật gấu nguyên chất lấy tại trại', 'Vảy tê tê sao vàng', 'Cao hổ cốt nấu truyền thống', 'ngà v.o.i tự nhiên'],
  ['Cà phê culi rang mộc 500g', 'Gấu bông Teddy 1m2', 'Mật ong rừng nguyên chất', 'Trà lá mật gấu sấy khô', 'Gọng kính màu đồi mồi', 'Cây ngà voi để bàn', 'Dầu cù là con hổ Tiger Balm', 'Vải họa tiết da hổ may váy', 'Thú nhồi bông con voi'],
  legal='wildlife',
  context={'exemptAny': BOOK, 'forbidAny': ['cà phê', 'cafe', 'coffee', 'rang mộc', 'rang xay', 'lưỡi hổ', 'sansevieria', 'cây cảnh', 'chậu sứ', 'để bàn', 'lá mật gấu', 'cây mật gấu', 'trà mật gấu', 'cây ngà voi', 'chậu cây', 'hạt giống', 'màu đồi mồi', 'họa tiết', 'hoạ tiết', 'vân da', 'gọng', 'in hình', 'vải', 'da hổ giả', 'giả da hổ', 'nhựa', 'tiger balm', 'cù là', 'con hổ', 'gấu bông', 'nhồi bông', 'đồ chơi', 'hình', 'kẹp tóc', 'ma mút', 'thú bông', 'đồ chơi rùa'], 'forbidWindow': 12})
R('banned.drugs', 'banned_goods', 8,
  ['cóng thủy tinh', 'cóng thuỷ tinh', 'dụng cụ bay', 'đồ bay lắc', 'bình hút {đá|chuyên dụng}', 'ae chơi đá', 'chơi đá {cho|ae|anh em}', 'cần sa', 'cỏ mỹ loại', 'cỏ mỹ giao', 'hút cỏ', 'hạt giống cần sa', 'thuốc lắc', 'kẹo ke', 'ketamine', 'ketamin', 'nấm thần', 'nấm ảo giác', 'nấm psilocybin', 'ma túy', 'ma tuý', 'nước vui', 'bột vui', 'lsd', 'tem lsd', 'tem giấy lsd', 'ma túy đá', 'hồng phiến', 'cocaine', 'heroin', 'mdma', 'thuốc lắc ecstasy', 'cbd thc', 'thc', 'kush'],
  'Có dấu hiệu chào bán chất ma túy hoặc chất gây ảo giác: bị nghiêm cấm.',
  'Signs of narcotics or hallucinogens: strictly prohibited.',
  ['Bộ cóng thủy tinh kèm bình hút chuyên dụng', 'Cỏ Mỹ loại xịn giao nhanh', 'Hạt giống cần sa nhập Hà Lan', 'Nấm thần khô 10g', 'Tem giấy LSD', 'Nước vui pha sẵn'],
  ['Bình thủy tinh đựng nước 1 lít', 'Que thử ma túy 5 chân tại nhà', 'Sách phòng chống ma túy học đường', 'Nấm linh chi đỏ Hàn Quốc', 'Đá lạnh viên tủ lạnh'],
  legal='drugs',
  context={'exemptAny': BOOK, 'forbidAny': ['que thử', 'test', 'xét nghiệm', 'phòng chống', 'phòng, chống', 'tuyên truyền', 'sách phòng chống', 'phát hiện', 'thử nhanh', 'kit thử', 'khay thử'], 'forbidWindow': 25})
R('banned.electrofishing', 'banned_goods', 6,
  ['máy kích cá', 'kích cá', 'bộ kích cá', 'kích điện bắt cá', 'xung điện bắt cá', 'máy xung điện đánh cá', 'máy đánh cá bằng điện', 'kích điện đánh cá', 'cục kích cá', 'máy chích cá'],
  'Có dấu hiệu chào bán thiết bị đánh bắt cá bằng xung điện: bị cấm theo Luật Thủy sản 2017.',
  'Signs of electro-fishing devices: banned under the 2017 Fisheries Law.',
  ['Máy kích cá 12V công suất lớn', 'Bộ kích điện bắt cá sông'],
  ['Cần câu cá carbon 3m6', 'Máy sục khí bể cá'],
  legal='fishing')

# ---------------- medicine ----------------
R('medicine.prescription-terms', 'restricted_medicine', 6,
  ['{không|ko} cần khám', '{tự |}tiêm tại nhà', 'tiêm tĩnh mạch', '{ống|bộ} tiêm {trắng da|glutathione|tế bào gốc|giảm mỡ}', 'tiêm trắng', '{không|ko|k} cần {chỉ định|bác sĩ|bs|kê toa}', 'thuốc kê đơn', 'thuốc theo đơn', 'thuốc bán theo đơn', 'bán không cần đơn', '{không|ko|k} cần {đơn|toa|kê đơn|đơn bác sĩ|đơn thuốc}', 'thuốc kháng sinh', 'kháng sinh', 'thuốc tiêm', 'bút tiêm {giảm cân|tiểu đường|glp-1|glp1}', 'bút tiêm', 'thuốc ngủ', 'thuốc an thần', 'thuốc phá thai', 'thuốc hướng thần', 'thuốc gây nghiện', 'vắc xin', 'vacxin', 'vaccine', 'vắc-xin', 'thuốc điều trị ung thư', 'thuốc trị ung thư', 'thuốc ung thư', 'thuốc chống ung thư', 'thuốc giảm cân {sibutramine|cấp tốc}', 'glp-1', 'glp1', 'thuốc corticoid', 'corticoid', 'thuốc tăng cân {thái|corticoid}', 'thuốc kích dục', 'thuốc cường dương', 'thuốc mê', 'thuốc {huyết áp|hạ huyết áp|hạ áp|tiểu đường|hạ đường huyết|trầm cảm|chống trầm cảm|tâm thần|động kinh|chống đông|tim mạch|mỡ máu|tuyến giáp|gout|gút|điều trị gout}', 'thuốc {trị|chữa} {nấm|mụn trứng cá|viêm} {uống|dạng uống|kê đơn}', 'rx only', 'thuốc rx', '{thuốc|hàng} {bệnh viện|nội viện|viện}', 'thuốc giảm cân {cấp tốc|thái|lào|mỹ|có sibutramine}', '{thuốc|viên} giảm cân {thái|lào}', 'tiêm giảm cân', '{bút|thuốc} tiêm {giảm béo|giảm mỡ|tan mỡ}', 'kim tiêm giảm cân', 'thuốc tăng cân {thái|lào|corticoid|cấp tốc}'],
  'Có dấu hiệu chào bán thuốc kê đơn hoặc thuốc không được bán trực tuyến: từ 01/07/2025 chỉ thuốc không kê đơn mới được bán online.',
  'Signs of prescription-only or otherwise restricted medicine: since 1 July 2025 only non-prescription drugs may be sold online.',
  ['Bộ tiêm trắng da Glutathione, tự tiêm tại nhà', 'Thuốc tránh thai khẩn cấp, không cần bác sĩ kê', 'Thuốc kháng sinh trị viêm họng hộp 10 vỉ', 'Bút tiêm giảm cân GLP-1 nhập Mỹ', 'Thuốc ngủ thảo dược mạnh, bán không cần đơn', 'Vắc xin cúm Vaxigrip cho người lớn'],
  [{'title': 'Sách tra cứu thuốc', 'description': 'Sách tham khảo, tra cứu kháng sinh cho cán bộ y tế'}, 'Thịt heo sạch không chứa kháng sinh', 'Vắc xin cho chó mèo 5 bệnh', 'Gối ngủ ngon cao su non', 'Thuốc nhuộm tóc Garnier', 'Kim bút tiêm insulin 4mm'],
  context={'exemptAny': BOOK, 'forbidAny': ['khi bác sĩ kê', 'dùng kèm khi', 'sách tra cứu', 'sách tham khảo', 'tài liệu tham khảo', 'dược thư', 'cán bộ y tế', 'giáo trình', 'tra cứu', 'không chứa', 'ko chứa', 'không dùng', 'không có', 'không sử dụng', 'không kháng sinh', 'thay thế kháng sinh', 'thú y', 'cho chó', 'chó mèo', 'cho mèo', 'thú cưng', 'cho gà', 'heo', 'cho cá', 'cá cảnh', 'tôm', 'thủy sản', 'cây trồng', 'vật nuôi', 'chim cảnh', 'kim tiêm', 'kim bút', 'đầu kim', 'thuốc nhuộm', 'ống tiêm', 'sổ tiêm', 'không cần dùng', 'không cần uống', 'không cần phải', 'thay thế', 'thay cho', 'hộp đựng', 'hộp chia', 'túi đựng', 'bỏ thuốc', 'khỏi phải'], 'forbidWindow': 20})
R('medicine.prescription-names', 'restricted_medicine', 7,
  ['xenical', 'orlistat', 'estradiol', 'progynova', 'cyproterone', 'androcur', 'spironolactone', 'testosterone enanthate', 'oxandrolone', 'dianabol', 'anavar', 'amoxicillin', 'amoxicilin', 'amoxycillin', 'augmentin', 'cefuroxim', 'cefuroxime', 'zinnat', 'cefixim', 'cefixime', 'cephalexin', 'cefalexin', 'cefdinir', 'cefpodoxime', 'azithromycin', 'zithromax', 'clarithromycin', 'ciprofloxacin', 'levofloxacin', 'ofloxacin', 'doxycyclin', 'doxycycline', 'metronidazol', 'metronidazole', 'clindamycin', 'tetracyclin', 'tetracycline', 'ampicillin', 'penicillin', 'dexamethason', 'dexamethasone', 'prednisolon', 'prednisolone', 'methylprednisolon', 'methylprednisolone', 'medrol', 'sildenafil', 'viagra', 'cialis', 'tadalafil', 'levitra', 'vardenafil', 'kamagra', 'misoprostol', 'mifepristone', 'mifepriston', 'diazepam', 'seduxen', 'alprazolam', 'xanax', 'zolpidem', 'stilnox', 'rivotril', 'clonazepam', 'tramadol', 'oxycodone', 'fentanyl', 'methadone', 'morphin', 'morphine', 'codein', 'codeine', 'ozempic', 'wegovy', 'saxenda', 'mounjaro', 'semaglutide', 'liraglutide', 'tirzepatide', 'sibutramine', 'sibutramin', 'isotretinoin', 'acnotin', 'roaccutane', 'methotrexate', 'warfarin', 'insulin', 'lantus', 'novomix', 'metformin', 'glucophage', 'amlodipin', 'amlodipine', 'losartan', 'atorvastatin', 'rosuvastatin', 'clopidogrel', 'allopurinol', 'colchicin', 'colchicine', 'tamoxifen', 'letrozole', 'finasteride', 'minoxidil uống', 'oseltamivir', 'tamiflu', 'molnupiravir', 'ivermectin', 'spironolacton', 'furosemid', 'furosemide', 'valsartan', 'irbesartan', 'telmisartan', 'candesartan', 'bisoprolol', 'nebivolol', 'nifedipin', 'nifedipine', 'captopril', 'enalapril', 'perindopril', 'coversyl', 'glimepiride', 'gliclazide', 'diamicron', 'sitagliptin', 'januvia', 'empagliflozin', 'jardiance', 'dapagliflozin', 'forxiga', 'fluconazole', 'itraconazole', 'terbinafine uống', 'esomeprazole', 'nexium', 'pantoprazole', 'levothyroxine', 'thyrozol', 'methimazole', 'propranolol', 'sertraline', 'fluoxetine', 'amitriptyline', 'olanzapine', 'quetiapine', 'risperidone', 'gabapentin', 'pregabalin', 'lyrica', 'celecoxib', 'meloxicam', 'etoricoxib', 'arcoxia', 'baclofen', 'bromazepam', 'lorazepam', 'phenobarbital', 'rotundin sulfat', 'ketoconazole uống', 'cefadroxil', 'cefaclor', 'cefpodoxim', 'linezolid', 'moxifloxacin', 'erythromycin', 'spiramycin', 'rovamycine', 'neomycin uống', 'prednison', 'betamethasone uống', 'deltasone', 'methylpred', 'solu medrol', 'dutasteride', 'avodart', 'oxytocin', 'progesterone uống', 'duphaston', 'clomiphene', 'clomid', 'letrozol', 'hcg tiêm', 'botox', 'filler tiêm', 'tiêm filler'],
  'Tên hoạt chất/biệt dược thuộc nhóm thuốc kê đơn: bán trực tuyến có dấu hiệu vi phạm quy định về kinh doanh dược.',
  'An active ingredient or brand of a prescription-only drug: selling it online may breach pharmacy rules.',
  ['Augmentin 625mg hộp 14 viên', 'Viagra 100mg chính hãng giao kín', 'Ozempic 1mg bút tiêm', 'Thuoc Amoxicillin 500mg', 'Acnotin 10mg trị mụn'],
  ['Kháng insulin là gì? Sách dinh dưỡng', 'Que thử đường huyết Accu-Chek', 'Minoxidil 5% dạng xịt mọc tóc'],
  context={'exemptAny': BOOK, 'forbidAny': ['kháng insulin', 'đề kháng insulin', 'thú y', 'cho chó', 'cho mèo', 'cho gà', 'cho cá', 'sách', 'bút bi', 'kim bút tiêm', 'kim tiêm', 'đầu kim', 'que thử', 'máy đo', 'hộp đựng', 'túi giữ lạnh'], 'forbidWindow': 20})

# ---------------- false advertising ----------------
R('ip.preloaded-media', 'ip_infringement', 5,
  ['chép sẵn', 'copy sẵn', 'nạp sẵn', 'chép {đầy|full} {phim|game|nhạc}'],
  'Thiết bị/thẻ nhớ bán kèm phim, game, nhạc chép sẵn: có dấu hiệu sao chép trái phép tác phẩm.',
  'A device or memory card sold with films, games or music already copied on it: may be unauthorised copies.',
  ['USB 64GB chép sẵn 300 phim hành động', 'Thẻ nhớ 32GB chép sẵn nhạc bolero cho loa', 'Ổ cứng 2TB copy sẵn 150 game PC'],
  ['USB Kingston 64GB chính hãng', 'Laptop Dell cài sẵn Windows bản quyền', 'Tivi Samsung cài sẵn Netflix, YouTube xem phim'],
  context={'requireAny': ['phim', 'game', 'nhạc', 'bom tấn', 'karaoke', 'truyện', 'ebook', 'bài hát'], 'window': 40, 'forbidAny': ['có bản quyền', 'bản quyền chính hãng'], 'forbidWindow': 40})
R('ip.leaked-course', 'ip_infringement', 5,
  ['{khóa|khoá} {trả phí|có phí|vip} {đã |}{download|tải|tải về|quay} lại', 'download lại', '{up|tải} lên {google drive|drive}', 'gửi link {ngay |}sau khi thanh toán', 'quay màn hình {lại|khóa|khoá|bài giảng}', 'mua chung {khóa|khoá|tài khoản}', 'chia lại {cho|khóa|khoá}', 'share lại cho', 'chia sẻ lại cho', 'share lại', 'chia sẻ lại', 'link drive', 'link google drive', 'qua google drive', 'gửi link drive', 'bản leak', 'full video'],
  'Khóa học/tài liệu có phí được chia sẻ lại qua đường link: có dấu hiệu xâm phạm quyền tác giả.',
  'A paid course or material re-shared through a link: may infringe copyright.',
  ['Khóa học IELTS 7.5 trọn bộ share lại giá rẻ', 'Khoá học Photoshop full video, gửi link Google Drive sau khi thanh toán'],
  ['Khóa học tiếng Anh online trên app chính thức', 'Ổ cứng di động 1TB chia sẻ dữ liệu nhanh'],
  context={'requireAny': ['khóa', 'khoá', 'khóa vip', 'học online', 'luyện thi', 'coach', 'khóa học', 'khoá học', 'course', 'bài giảng', 'video học', 'tài liệu ôn', 'giáo trình'], 'window': 80, 'forbidAny': ['chính thức', 'có bản quyền', 'của tác giả'], 'forbidWindow': 60})
R('advert.miracle-claims', 'false_advertising', 5,
  ['hút sạch độc tố', 'khỏi đau vĩnh viễn', 'thay thế tiêm khớp', '<NEG> cần {ăn kiêng|tập|tập luyện|tập thể dục|tập gym}', 'đốt cháy {1|2|3|4|5|7|10} ?cm', 'chặn 100%', 'ngăn 100%', '<NEG> bao giờ bị {đen|nám|mụn|sạm|cháy nắng}', 'fda {mỹ |hoa kỳ |}{chứng nhận|công nhận} {tốt nhất|số 1|an toàn}', '100% sau {1|2|3|một|hai|ba} {tuần|tháng|ngày|liệu trình}', 'như chưa từng {có sẹo|bị|mắc}', 'trẻ {hóa|hoá|ra} {5|7|10|15|20|mười} tuổi', 'xóa {nếp nhăn|sẹo|nám|thâm} 100%', '{đen|mọc} tóc vĩnh viễn', '{đen|mọc} {tóc |}suốt đời', 'bỏ kính {sau|chỉ sau|vĩnh viễn|hoàn toàn}', 'không cần đeo kính {nữa|sau}', 'phục hồi thị lực', 'giảm {1|2|3|1-2|2-3} độ {cận|cận thị}', 'độc tố {đen|đen ra|thoát ra}', 'hút độc tố', 'thải độc {gan thận|gan|thận|chân} {qua đêm|qua bàn chân|100%}', 'thần kỳ', 'kỳ diệu', 'thần thánh', 'diệu kỳ', 'cam kết 100%', 'mọc lại', 'hiệu quả tức thì', 'khỏi ngay'],
  'Lời quảng cáo "thần kỳ / cam kết 100% / mọc lại" cho công dụng chữa bệnh hoặc làm đẹp: có dấu hiệu quảng cáo sai sự thật.',
  'A "miraculous / 100% guaranteed / grows back" promise about a health or beauty effect: possibly false advertising.',
  ['Viên bổ mắt chữa cận thị, bỏ kính sau 3 tháng', 'Kem trị sẹo lồi, xóa sẹo 100% sau 2 tuần', 'Dầu gội phủ bạc, đen tóc vĩnh viễn', 'Thuốc mọc tóc thần kỳ, hói lâu năm mọc lại sau 1 tháng', 'Cao xương khớp thần kỳ, hết đau cam kết 100%', 'Trà tiểu đường kỳ diệu, hạ đường huyết tức thì'],
  ['Kính cận gọng nhựa, bỏ kính vào hộp khi không dùng', 'Miếng bọt biển lau nhà thần kỳ', 'Máy đo đường huyết Accu-Chek chính hãng', 'Đồ chơi ảo thuật thần kỳ cho bé', 'Dầu gội dưỡng tóc mềm mượt, cam kết 100% chính hãng'],
  context={'exemptAny': BOOK, 'requireAny': ['mỡ', 'mỡ bụng', 'giảm mỡ', 'tan mỡ', 'đốt mỡ', 'vòng eo', 'tia uv', 'chống nắng', 'đen da', 'sẹo', 'sẹo lồi', 'sẹo rỗ', 'nếp nhăn', 'tóc bạc', 'bạc tóc', 'phủ bạc', 'tóc', 'cận', 'thị lực', 'độc tố', 'thải độc', 'gan', 'thận', 'đường huyết', 'tự kỷ', 'tăng động', '<DISEASE>', '<COND>', 'thuốc', 'chữa', 'bệnh', 'hói', 'rụng tóc', 'mọc tóc', 'giảm cân', 'sinh lý', 'xương khớp', 'tiểu đường', 'huyết áp'], 'window': 50,
           'forbidAny': ['chính hãng', 'lau nhà', 'khăn lau', 'miếng lau', 'bọt biển', 'đồ chơi', 'ảo thuật', 'đổi trả', 'hoàn tiền nếu', 'giao hàng', 'nguyên seal', 'hàng thật'], 'forbidWindow': 15})
R('advert.cure-claims', 'false_advertising', 6,
  ['bỏ được thuốc', 'cắt được thuốc', 'ngưng được thuốc', 'chữa khỏi', 'chữa dứt điểm', 'trị dứt điểm', 'trị tận gốc', 'chữa tận gốc', 'khỏi hẳn', 'khỏi hoàn toàn', 'khỏi 100%', 'cam kết khỏi', 'cam kết {hết|khỏi} bệnh', 'thần dược', 'thuốc thần', 'không hết không lấy tiền', 'không khỏi {hoàn tiền|trả tiền|không lấy tiền}', 'không hết hoàn tiền', 'thay thế thuốc', 'thay thế thuốc {chữa bệnh|tây}', 'bỏ thuốc tây', 'không cần dùng thuốc', 'không cần uống thuốc', 'chữa bách bệnh', 'trị bách bệnh', 'tiêu diệt tế bào ung thư', 'ức chế {tế bào |}ung thư', 'đẩy lùi ung thư', 'không tái phát', 'vĩnh viễn không tái phát', 'hiệu quả 100%', 'hết ngay sau', 'khỏi ngay sau', 'cải tử hoàn sinh', 'tái tạo tế bào gan', 'đào thải độc tố gan 100%', 'dứt điểm sau', '{không|ko|k} {hết|khỏi|giảm|tăng|trắng|hiệu quả|mọc|cao|đỡ|lên} {không lấy tiền|hoàn tiền|trả lại tiền|hoàn 100%|đền tiền|hoàn lại tiền|trả tiền}', 'thay thế {viagra|insulin|thuốc tiểu đường|thuốc huyết áp|thuốc tây|thuốc điều trị|thuốc chữa bệnh|thuốc ngủ|kháng sinh}', 'thay thế {hoàn toàn|được|100%|hẳn} {thuốc|viagra|insulin|kháng sinh}', '{tác dụng|hiệu quả|công dụng|mạnh} như thuốc', 'hơn cả thuốc', 'tốt hơn thuốc', 'không cần {phẫu thuật|mổ|uống thuốc|dùng thuốc|tiêm}', 'bác sĩ phải {bó tay|chào thua}', 'chữa {được |}{mọi|bách|tất cả các} bệnh', '{phòng chống|phòng|ngừa|diệt|chữa} {covid|virus} {100%|hiệu quả 100%|tuyệt đối}', 'diệt {virus|vi khuẩn} trong cơ thể', 'nở ngực {tăng |}{1|2|3} size', 'tăng {1|2|3} size {vòng 1|ngực}', 'trẻ ra {5|10|15|20} tuổi', 'khỏe như trai {18|20}', 'không cần ăn kiêng'],
  'Quảng cáo có lời hứa chữa khỏi/dứt điểm bệnh hoặc thay thế thuốc: có dấu hiệu quảng cáo sai sự thật về công dụng.',
  'The ad promises a cure, a permanent fix or a substitute for medicine: may be false or misleading advertising.',
  ['Cao dây thìa canh chữa khỏi tiểu đường', 'Trà thảo mộc trị dứt điểm gout, không hết không lấy tiền', 'Viên uống thần dược xương khớp', 'Thuốc nam khỏi hẳn dạ dày sau 1 liệu trình'],
  [{'title': 'Thực phẩm bảo vệ sức khỏe hỗ trợ giảm đường huyết', 'description': 'Thực phẩm này không phải là thuốc và không có tác dụng thay thế thuốc chữa bệnh.'}, 'Bình chữa cháy mini cho ô tô', 'Dịch vụ sửa chữa điện thoại lấy ngay'],
  context={'exemptAny': BOOK, 'forbidAny': ['không {có |}tác dụng thay thế thuốc', 'không thay thế thuốc', 'không phải là thuốc', 'chữa cháy', 'sửa chữa', 'chữa lỗi', 'chữa cháy'], 'forbidWindow': 5})
R('advert.disease-claims', 'false_advertising', 5,
  ['<DISEASE>'],
  'Sản phẩm được quảng cáo là chữa/trị/đánh bay một bệnh cụ thể (tiểu đường, huyết áp, ung thư…): có dấu hiệu quảng cáo công dụng chữa bệnh sai quy định.',
  'The product is advertised as curing or treating a specific disease (diabetes, hypertension, cancer…): may be unlawful health-claim advertising.',
  ['Nấm linh chi đánh bay tiểu đường', 'Trà thảo dược trị gout hiệu quả', 'Cao xương khớp đặc trị thoát vị đĩa đệm', 'Rượu thuốc chữa yếu sinh lý'],
  [{'title': 'TPBVSK Glucare', 'description': 'Hỗ trợ điều trị tiểu đường. Thực phẩm này không phải là thuốc và không có tác dụng thay thế thuốc chữa bệnh.'}, 'Máy đo huyết áp Omron HEM-7121', 'Sách hướng dẫn chăm sóc người tiểu đường'],
  context={'exemptAny': BOOK, 'requireAny': ['<CLAIMV>'], 'window': 12, 'forbidAny': ['hỗ trợ', 'hỗ trợ điều trị', 'hỗ trợ giảm', 'giúp hỗ trợ', 'máy đo', 'sách', 'thiết bị đo', 'que thử', 'người bệnh', 'người bị', 'dành cho người', 'cho người'], 'forbidWindow': 20})
R('advert.permanent-claims', 'false_advertising', 5,
  ['dứt điểm', 'tận gốc', 'vĩnh viễn', 'không tái phát', 'vĩnh viễn không quay lại', 'hết hẳn', 'khỏi hẳn', 'hoàn toàn sau {1|2|3|một} {liệu trình|tuần|tháng}'],
  'Lời hứa chấm dứt hẳn/vĩnh viễn một bệnh hoặc tình trạng (nám, hói, mất ngủ, dạ dày…): có dấu hiệu quảng cáo sai sự thật về công dụng.',
  'A promise to end a disease or condition for good (melasma, baldness, insomnia, stomach ulcers…): may be false advertising.',
  ['Serum trị hói đầu dứt điểm sau 2 tuần', 'Kem trị nám, hết nám vĩnh viễn', 'Trà trị mất ngủ tận gốc'],
  ['Nước tẩy rửa sạch tận gốc vết bẩn', 'Kích hoạt Windows vĩnh viễn', 'Máy triệt lông vĩnh viễn tại nhà', 'Dầu gội sạch gàu, làm sạch tận gốc tóc'],
  context={'requireAny': ['<DISEASE>', '<COND>'], 'window': 40, 'forbidAny': ['sạch tận gốc', 'làm sạch', 'sạch sâu', 'bảo hành', 'kích hoạt', 'tẩy', 'triệt lông', 'vết bẩn', 'hỗ trợ', 'bản quyền', 'nhuộm', 'nuôi dưỡng', 'dưỡng', 'thẩm thấu', 'chân tóc', 'nang tóc', 'khử mùi', 'diệt khuẩn'], 'forbidWindow': 30})
R('advert.special-treatment', 'false_advertising', 3,
  ['đặc trị', 'gia truyền', 'bài thuốc gia truyền', 'thuốc gia truyền', 'tuyệt đối an toàn', 'không có tác dụng phụ', 'không tác dụng phụ', 'bác sĩ khuyên dùng', 'được bộ y tế chứng nhận {chữa|trị}', 'tốt nhất thế giới', 'số 1 thế giới', 'giảm cân cấp tốc', 'giảm cân siêu tốc', 'giảm cân thần tốc', 'tan mỡ cấp tốc', 'tăng chiều cao vượt trội', 'trắng bật tông sau', 'cao thêm {5|7|10|15} cm'],
  'Cách nói quảng cáo tuyệt đối hoặc "đặc trị / gia truyền / không tác dụng phụ": tín hiệu yếu của quảng cáo phóng đại.',
  'Absolute or "special cure / family recipe / no side effects" wording: a weak sign of exaggerated advertising.',
  ['Kem đặc trị nám tàn nhang', 'Viên uống giảm cân cấp tốc không tác dụng phụ'],
  ['Phở gia truyền Nam Định gói 500g'],
  context={'forbidAny': ['phở', 'bánh', 'bún', 'nước mắm', 'công thức', 'món ăn', 'nem chua', 'giò chả', 'chả cá', 'mắm', 'kẹo', 'nước chấm', 'gia vị'], 'forbidWindow': 20})
R('advert.false-endorsement', 'false_advertising', 5,
  ['{diệt|loại bỏ} sạch 100%', '{uống|ăn} vào {cũng |}{không|ko} sao', '{bộ y tế|who|fda|bộ nông nghiệp|hội đồng anh|cục đăng kiểm} khuyên dùng', '{được |}{who|fda|hội đồng anh|cục đăng kiểm|bộ nông nghiệp} {công nhận|chứng nhận|cấp chứng nhận}', 'sản phẩm duy nhất', 'duy nhất trên thị trường', '{diệt|ngăn chặn|chặn|loại bỏ} 100%', 'tăng năng suất {100|200|300|400|500}%', 'tiết kiệm {30|40|50|60|70}% {nhiên liệu|xăng|điện}', 'cam kết đầu ra', 'thay thế hoàn toàn {phân hóa học|phân bón|thuốc}', '{có thể |}thay {thuốc tây|thuốc chữa bệnh}'],
  'Quảng cáo viện dẫn cơ quan chức năng/tổ chức quốc tế "khuyên dùng, công nhận" hoặc cam kết tuyệt đối (duy nhất, 100%, tăng năng suất gấp nhiều lần): có dấu hiệu quảng cáo sai sự thật.',
  'The ad cites a ministry or international body as endorsing it, or makes absolute promises (the only one, 100%, several-fold yields): possibly false advertising.',
  ['Nước súc miệng được Bộ Y tế khuyên dùng', 'Khẩu trang được WHO công nhận ngăn chặn 100% virus', 'Phân bón tăng năng suất 300%'],
  ['Nước súc miệng bạc hà 500ml', 'Khẩu trang 4 lớp kháng khuẩn', 'Phân bón NPK bao 50kg'],
  context={'exemptAny': BOOK, 'forbidAny': ['không phải', 'cảnh báo', 'tránh'], 'forbidWindow': 20})
R('advert.numeric-claims', 'false_advertising', 5, [],
  'Lời hứa kết quả cụ thể trong thời gian ngắn (giảm X kg trong Y ngày, cao thêm X cm…): có dấu hiệu quảng cáo sai sự thật.',
  'A specific result promised within a short time (lose X kg in Y days, grow X cm…): possibly false advertising.',
  ['Trà giảm cân giảm 7kg trong 10 ngày', 'Viên uống tăng chiều cao 10cm sau 3 tháng', 'giam 5 ky chi sau 1 tuan'],
  ['Cân điện tử tối đa 180kg', 'Máy chạy bộ tải trọng 120 kg'],
  regexes=[
    {'source': r'(?:giam|sut|xuong|mat|bay) ?(?:ngay |tu |den |toi )?\d{1,2}(?: ?(?:-|den|toi) ?\d{1,2})? ?(?:kg|ky|ki|can|kilo)(?: mo)? ?(?:chi )?(?:trong|sau|sau khi dung|chi sau|/|trong vong|moi|sau khi uong)? ?\d{1,2} ?(?:ngay|tuan|thang|lieu trinh)', 'minDigits': 1, 'triggers': ['giảm', 'sụt', 'xuống', 'mất', 'bay']},
    {'source': r'(?:tang|cao them|tang them|cao vuot) ?(?:chieu cao )?\d{1,2} ?(?:cm|phan)(?: chieu cao)? ?(?:trong|sau|chi sau|/) ?\d{1,2} ?(?:ngay|tuan|thang)', 'minDigits': 1, 'triggers': ['tăng', 'cao thêm', 'cao vượt']},
    {'source': r'(?:trang|het nam|mo tham|het mun|sach mun|moc toc|het hoi|het rung toc) (?:da |bat tone |bat tong |sang |hong |len |toc )?(?:chi )?(?:sau|trong) \d{1,2} (?:ngay|dem|tuan)', 'minDigits': 1, 'triggers': ['trắng', 'hết nám', 'mờ thâm', 'hết mụn', 'sạch mụn', 'mọc tóc', 'hết hói', 'hết rụng tóc']},
  ])
R('advert.supplement-notice-missing', 'false_advertising', 4,
  ['thực phẩm chức năng', 'tpcn', 'thực phẩm bảo vệ sức khỏe', 'thực phẩm bảo vệ sức khoẻ', 'tpbvsk', 'thực phẩm bổ sung', 'viên uống', 'thực phẩm hỗ trợ', 'collagen uống', 'collagen dạng uống', 'nước uống collagen', 'viên nang mềm', 'viên sủi', 'viên bổ', 'cốm bổ', 'cốm tăng', 'bột uống', 'trà giảm cân', 'viên giảm cân', 'viên tăng cân', 'viên tăng chiều cao', 'mỗi lần {1|2|3|một|hai} viên', 'ngày uống {1|2|3|một|hai} {lần|viên}', 'uống {1|2|3|một|hai} viên {mỗi ngày|1 ngày|một ngày|sau ăn|trước ăn}'],
  'Sản phẩm là thực phẩm chức năng nhưng phần mô tả không thấy câu bắt buộc "Thực phẩm này không phải là thuốc và không có tác dụng thay thế thuốc chữa bệnh": có dấu hiệu vi phạm quy định quảng cáo.',
  'A food supplement whose description lacks the mandatory line "This product is not a medicine and does not replace medicines": may breach advertising rules.',
  [{'title': 'Viên uống bổ gan Hepa', 'description': 'Viên uống thảo dược giúp mát gan, giải độc, tăng cường chức năng gan. Ngày uống 2 viên sau ăn. Hộp 60 viên, hàng chính hãng, giao nhanh toàn quốc.'}],
  [{'title': 'Viên uống bổ gan Hepa', 'description': 'Viên uống thảo dược giúp mát gan, hỗ trợ giải độc gan. Ngày uống 2 viên sau ăn. Thực phẩm này không phải là thuốc và không có tác dụng thay thế thuốc chữa bệnh.'}, 'Viên uống bổ gan Hepa (title only)'],
  kind='missing_notice', legal='supplement',
  notice={'phrases': ['{không|ko|k|hông} {phải|phải là} thuốc', 'không có tác dụng thay thế thuốc', 'không thay thế thuốc chữa bệnh', 'không phải là thuốc chữa bệnh'], 'minDescriptionLength': 80},
  context={'forbidAny': ['thuốc không kê đơn', 'không kê đơn', 'otc', 'sđk vd', 'số đăng ký vd', 'giảm đau hạ sốt', 'kẹo', 'sữa bột', 'sữa công thức', 'thức ăn cho', 'cho chó', 'cho mèo', 'thú cưng', 'cây trồng']})

# ---------------- seller info ----------------
R('seller.info-hidden', 'seller_info_missing', 5,
  ['{người bán|địa chỉ|mst|mã số thuế|email|sđt|đkkd} {: |}{n/a|na}', 'đkkd {: |}{không|ko|chưa có}', 'sđt {: |}chat shop', '<NEG> cung cấp giấy phép', 'địa chỉ kho thay đổi', '<NEG> để {tên|tên tuổi|tên tuổi địa chỉ|địa chỉ}', '<NEG> có tên công ty', '<NEG> ghi địa chỉ {sản xuất|cơ sở}', '<NEG> công bố mỹ phẩm', 'giấy tờ {tui|mình|shop|em} {ko|không} có', 'chưa điền tên người bán', '{tên người bán|mục tên người bán} {để trống|bỏ trống|trống}', 'chưa có thông tin {doanh nghiệp|đăng ký kinh doanh|người bán}', 'địa chỉ {ghi |}{trên trang |}{: |}việt nam', 'chỉ có tên shop viết tắt', '<NEG> có chứng chỉ hành nghề', '<NEG> công khai giấy chứng nhận', '<NEG> có số điện thoại hay địa chỉ', 'địa chỉ gửi hàng thay đổi', '<NEG> có giấy chứng nhận đủ điều kiện', 'chưa xác minh danh tính', '<NEG> có thông tin {mst|mã số thuế|đkkd|giấy đkkd|giấy phép|người bán}', '{địa chỉ|thông tin người bán|thông tin thương nhân|thông tin shop|thông tin cửa hàng|mã số thuế|mst|số giấy phép|giấy phép kinh doanh|cơ sở sản xuất|thông tin đơn vị|thông tin doanh nghiệp|địa chỉ liên hệ|địa chỉ gửi hàng|địa chỉ bảo hành|địa chỉ kho} {: |}{ẩn|trống|để trống|không ghi|chưa ghi|chưa cập nhật|không cập nhật|chưa có|không có|không công khai|bảo mật}', '{không|ko|k|chưa} cung cấp {tên|tên người bán|hóa đơn hay thông tin|thông tin doanh nghiệp|thông tin người bán|thông tin thương nhân}', '{để trống|bỏ trống} {địa chỉ|thông tin người bán|mã số thuế}', 'chưa có số {lưu hành|công bố|phiếu công bố|giấy phép}', '<NEG> {có |}{địa chỉ|cửa hàng|văn phòng|showroom} {cố định|offline|trực tiếp|cụ thể|}', '<NEG> có shop {offline|cố định}', '<NEG> {công khai|cung cấp|để lộ|tiết lộ} {địa chỉ|thông tin|danh tính|số điện thoại|sđt|tên|tên hay địa chỉ|tên và địa chỉ}', '{không|ko|k|chưa} {công bố|nêu|công khai} {địa chỉ|thông tin người bán|thông tin shop|mã số thuế|mst|thông tin liên hệ}', '<NEG> {có |}{giấy phép kinh doanh|gpkd|đăng ký kinh doanh|đkkd|mã số thuế|mst|giấy phép}', '{không|ko|k|chưa} {có |}{đăng kí kinh doanh|giấy phép kd|gp kd|giấy tờ kinh doanh|giấy đăng ký kinh doanh|đăng ký doanh nghiệp|đăng kí doanh nghiệp|đăng ký hộ kinh doanh}', '{không|ko|k|chưa} {có |}giấy chứng nhận đăng ký {kinh doanh|doanh nghiệp}', '{không|ko|k|chưa} {có |}{đăng ký|đăng kí|đk} {kinh doanh|kd|doanh nghiệp|gì}', '{không|ko|k|chưa} {có |}giấy phép {gì|gì hết|gì cả}', '{không|ko|k} {có |}giấy tờ gì {hết|cả|đâu}', 'chưa {đăng ký|đk} kinh doanh', '{kinh doanh|hộ kinh doanh|hộ gia đình|hoạt động} {chưa|không} {có |}{đăng ký|đăng kí|giấy phép|phép}', 'hoạt động không {giấy phép|phép|đăng ký}', 'kinh doanh tự phát', 'bán {chui|không phép|không giấy phép}', 'thông tin người bán: {không|không có|ẩn|bảo mật|không công khai}', '{địa chỉ|mst|mã số thuế}: {không có|không công khai|ẩn|bảo mật}', '{không|ko|k} {có |}thông tin {công ty|doanh nghiệp|người bán|cửa hàng}', '{không|ko|k} {có |}{địa chỉ|chỗ} lấy hàng', 'bán cá nhân {không|ko|k} {giấy phép|hóa đơn|đăng ký|địa chỉ}', 'kinh doanh {không giấy phép|tự do không đăng ký}', 'giấu thông tin', 'ẩn thông tin {người bán|shop|cá nhân}', 'bán ẩn danh', 'người bán ẩn danh', 'shop ẩn danh', 'thông tin shop {bảo mật|ẩn}', 'không tiếp khách tại nhà', 'không nhận khách xem hàng', 'không hẹn gặp', 'không gặp trực tiếp', 'chỉ giao dịch online {không|ko} gặp', 'không để lại thông tin', 'không cần thông tin người bán'],
  'Người bán nói không công khai địa chỉ, giấy phép, mã số thuế hoặc danh tính: có dấu hiệu thiếu thông tin người bán bắt buộc (NĐ 52/2013, NĐ 85/2021).',
  'The seller says address, licence, tax code or identity are not disclosed: may breach mandatory seller-information rules (Decrees 52/2013, 85/2021).',
  [{'title': 'Balo laptop', 'description': 'Thông tin người bán: chưa cập nhật. Địa chỉ gửi hàng: ẩn.'}, {'title': 'Cáp sạc', 'description': 'Người bán không cung cấp tên, địa chỉ, mã số thuế.'}, 'Shop không có cửa hàng cố định, chỉ ship', {'title': 'Áo thun', 'description': 'Giá 99k có tem phụ? Không, shop k có địa chỉ cố định'}, 'Bán hàng không có giấy phép kinh doanh, giá rẻ', 'Không công khai địa chỉ, khách inbox', 'Shop chưa đăng ký kinh doanh nên không xuất hóa đơn'],
  [{'title': 'Balo laptop', 'description': 'Địa chỉ: 12 Lê Lợi, Quận 1. Mã số thuế: 0312345678.'}, 'Cửa hàng có địa chỉ tại 12 Lê Lợi, Q1', 'Mã số thuế: 0312345678', 'Shop có showroom trực tiếp tại Hà Nội', 'Hộ kinh doanh có giấy phép, giao hàng toàn quốc', 'Không cần đăng ký tài khoản vẫn mua được', 'Sim chưa đăng ký thông tin'],
  context={'forbidAny': ['tại địa chỉ', 'tài khoản', 'sim', 'thành viên', 'bảo hành điện tử', 'đăng ký bảo hành'], 'forbidWindow': 0})
R('seller.anonymous-shop', 'seller_info_missing', 3,
  ['ko tên', 'không tên', 'chưa có tên', 'ẩn danh', 'no name', 'noname', 'unknown', 'người bán', 'chưa đặt tên', 'shop chưa có tên', 'n/a', 'test shop', 'abc shop', 'xyz'],
  'Tên gian hàng chung chung hoặc tự động (ẩn danh, "user123456"): tín hiệu yếu của thiếu thông tin người bán.',
  'A generic or auto-generated shop name (anonymous, "user123456"): a weak sign of missing seller information.',
  [{'title': 'Áo thun nam', 'shopName': 'user8836152'}, {'title': 'Áo thun nam', 'shopName': 'Ẩn danh'}],
  [{'title': 'Áo thun nam', 'shopName': 'Thời Trang Nam Hải'}, {'title': 'Áo thun nam', 'shopName': 'shop2hand.vn'}],
  fields=['shopName'],
  regexes=[{'source': r'^ ?(?:user|shop|seller|store|nguoi ?ban|khach|tk|acc)[ _.-]?\d{5,12} ?$', 'minDigits': 5}, {'source': r'^ ?[a-z]{1,3}\d{7,12} ?$', 'minDigits': 7}, {'source': r'^ ?\d{6,15} ?$', 'minDigits': 6}])

# ---------------- off platform ----------------
R('offplatform.contact-app', 'off_platform', 5,
  ['link {mua |}{ở|trong|tại} bio', 'rẻ hơn {ở|trong} bio', '{không|ko} đặt {ở|trong|qua} giỏ hàng', '{không|ko|vui lòng không} đặt {trên|qua} {lazada|shopee|tiki|sàn|tiktok shop|tiktok|sendo}', '{khỏi|để khỏi|tránh} mất phí sàn', 'quét mã qr {để vào|trong ảnh|ở ảnh}', 'nhóm zalo', 'group {sỉ |}{trên |}{facebook|zalo|fb}', '{không|ko|chứ không} thanh toán qua {lazada|shopee|tiki|sàn|tiktok shop|sendo}', 'chuyển khoản {học phí |tiền |}trực tiếp {vào|cho} {số tài khoản|stk|chủ shop}', 'thanh toán qua mã qr ngân hàng', '{số|sđt|sdt|zalo|za lô|zá lô} {ở|trên|trong} ảnh bìa', 'ảnh bìa shop', 'chốt ngoài', '{cmt|comment|để lại} {số điện thoại|sđt|sdt|số đt}', '{không|ko|k} cần đặt qua {giỏ hàng|sàn|app|shopee|tiktok|lazada}', '<CONTACT> <APP>', '<APP> {mình|em|shop|chị|anh|sdt|sđt|số}', '{zalo|zl|tele|telegram|whatsapp|wechat|viber}:', 'zalo.me', 't.me', 'm.me', 'wa.me', 'bit.ly', 'facebook.com', 'fb.com', 'fb.me', '{giao dịch|mua bán|thanh toán} {ngoài sàn|trực tiếp|riêng}', 'ngoài sàn', '{rẻ hơn|giảm thêm|bớt thêm|ưu đãi hơn|giá tốt hơn} {khi |nếu |}{mua |đặt |ib |}{qua|trên} {zalo|fb|facebook|tele}',
   '{bên|trên|ở|tại|sang} {zalo|zl|tele|telegram|insta|instagram|fanpage|page riêng|web riêng|website riêng}', 'còn hàng {bên|ở|trên} {zalo|fb|facebook|web|insta}', '{đặt|mua|order|chốt đơn} {ngoài app|ngoài ứng dụng|ngoài sàn|ngoài shopee|ngoài lazada|ngoài tiki|ngoài tiktok|trực tiếp qua web|trực tiếp trên web}', 'ngoài {app|ứng dụng|shopee|lazada|tiki|tiktok shop} {rẻ hơn|được giảm|được freeship|giảm thêm|giá tốt}', '{xin|gửi|nhắn} link {web|website|ngoài|đặt hàng riêng}', 'link {web|website} {riêng|của shop}', '{né|tránh|đỡ} phí sàn', '{trên sàn|sàn} {phí cao|thu phí cao|bị thu phí}', '{đặt|mua} {trực tiếp|riêng} {được |}{giảm|rẻ hơn|bớt|giá tốt hơn}', '{ck|chuyển khoản|thanh toán|tt} {trực tiếp|riêng} {cho shop|shop|qua shop|cho mình|cho em|qua stk}', 'mua qua link {ngoài|khác|riêng}', 'link ngoài', '{kết bạn|kb|add|ib|inbox|liên hệ|lh|nhắn} {qua |}{insta|instagram|ig|tiktok|telegram|tele}'],
  'Người bán kéo khách sang Zalo/Telegram/Facebook/website riêng: có dấu hiệu giao dịch ngoài sàn (sàn cấm), thường gặp khi bán hàng giả.',
  'The seller steers buyers to Zalo/Telegram/Facebook or an outside website: possible off-platform dealing, which marketplaces forbid and which is common with fakes.',
  ['Khách nhắn zá lô số ở ảnh bìa shop để được rẻ hơn', 'Chốt trên live thì cmt số điện thoại, shop gọi lại chốt ngoài', 'Sỉ lẻ quần jean, tele @jeansi_kho để lấy giá', 'Liên hệ zalo để được giá tốt', 'ib zalo mình nhé', 'Z@lo: 0912 345 678', 'k.ế.t b.ạ.n z.a.l.o để xem thêm mẫu', 'Hết hàng trên sàn, còn hàng bên zalo', 'Đặt ngoài app được freeship, nhắn shop xin link web', 'Mua trên sàn phí cao, khách ck trực tiếp cho shop giảm thêm'],
  ['Chốt đơn trên live được tặng quà', 'Áo thun in chữ line art', 'Loa Bluetooth LINE FRIENDS', 'Ốp lưng hình Zalo Pay? Không, ốp hình mèo', 'Thanh toán khi nhận hàng COD toàn quốc', {'title': 'Bán mèo Anh lông ngắn', 'description': 'liên hệ zalo 0968 111 222', 'site': 'facebook.com'}, 'Theo dõi shop trên sàn để nhận voucher'],
  sites={'exclude': ['chotot', 'facebook', 'muaban', 'nhattao', 'batdongsan']},
  regexes=[{'source': r'(?:tele|telegram|ig|insta|instagram|wechat|line) ?: ?@?[a-z0-9_.]{3,30}|(?:tele|telegram|ig|insta|instagram|wechat|line) ?@[a-z0-9_.]{3,30}', 'minDigits': 0, 'triggers': ['tele', 'telegram', 'ig', 'insta', 'instagram', 'wechat', 'line']}],
  wordBoundary='both')
R('offplatform.external-site', 'off_platform', 4,
  [],
  'Tin đăng mời khách sang một website bên ngoài để đặt hàng hoặc xem giá: có dấu hiệu giao dịch ngoài sàn.',
  'The listing sends buyers to an outside website to order or see prices: possible off-platform dealing.',
  ['Ghé website kemface.vn đặt hàng được giảm 30%', 'Xem thêm mẫu tại web tranhdep.vn'],
  ['Tra cứu bảo hành tại website samsung.com/vn', 'Kích hoạt bảo hành điện tử tại web apple.com', 'Áo thun cotton'],
  sites={'exclude': ['chotot', 'facebook', 'muaban', 'nhattao', 'batdongsan']},
  regexes=[{'source': r'(?<![a-z0-9@./])[a-z0-9][a-z0-9-]{1,30}\.(?:vn|com|com\.vn|net|shop|store|site|online|me|xyz|top)(?![a-z0-9])', 'minDigits': 0, 'triggers': ['website', 'web', 'trang web', 'link', 'ghé', 'truy cập', 'đặt hàng tại', 'mua tại', 'xem thêm tại', 'đặt tại']}],
  context={'forbidAny': ['bảo hành', 'tra cứu', 'kích hoạt', 'chính hãng tại', 'nhà sản xuất', 'website hãng', 'web hãng', 'trang chủ hãng', 'shopee', 'lazada', 'tiki', 'sendo', 'tiktok'], 'forbidWindow': 40})
R('offplatform.prepayment', 'off_platform', 5,
  ['{ck|chuyển khoản|chuyển} cọc', '{cọc|đặt cọc} {30%|50%|70%|100%|một nửa} {trước|qua}', 'qua {momo|ví momo|zalopay} trước', 'cọc qua {momo|stk|ngân hàng}', '{ck|chuyển khoản|ct|thanh toán} trước {100%|toàn bộ|full|hết}', 'chuyển khoản trước', 'ck trước', '{không|ko|k} {nhận |}{cod|ship cod|thanh toán khi nhận hàng}', 'đặt cọc trước {qua|bằng} chuyển khoản', '{cọc|đặt cọc} trước {50%|30%|100%|một nửa}', 'chuyển khoản {qua|vào} stk', 'stk {vietcombank|vcb|techcombank|tcb|mb|mbbank|bidv|agribank|acb|vpbank|tpbank|sacombank|vietinbank}'],
  'Người bán yêu cầu chuyển khoản/đặt cọc trước ngoài hệ thống thanh toán của sàn: có dấu hiệu giao dịch ngoài sàn, rủi ro lừa đảo.',
  'The seller asks for a bank transfer or deposit outside the marketplace\'s payment system: possible off-platform dealing and scam risk.',
  ['Ai lấy thì ck cọc 50% qua momo trước', 'Chuyển khoản cọc 70% trước khi đặt', 'Chuyển khoản trước 100% mới gửi hàng', 'Cọc trước 50% qua chuyển khoản', 'Không nhận COD, ck trước'],
  ['Thanh toán qua ví MoMo khi đặt trên sàn', 'Thanh toán khi nhận hàng COD toàn quốc', 'Hỗ trợ chuyển khoản hoặc COD'],
  context={'forbidAny': ['hoặc cod', 'hoặc thanh toán khi nhận', 'cod toàn quốc'], 'forbidWindow': 30})
R('offplatform.hidden-price', 'off_platform', 4,
  ['{inbox|ib|ibox|inb|nhắn tin|nhắn|liên hệ|lh|ib shop|inbox shop|ib riêng|check ib|check inbox|chấm|gọi|nhắn tin shop|nhắn shop} {để |}{nhận báo giá|báo giá|biết giá|nhận giá|lấy giá|có giá|xem giá|hỏi giá|được báo giá}', 'giá {liên hệ|lh|ib|inbox|ibox|thỏa thuận|tốt nhất ib|sỉ ib|inbox|qua ib}', 'báo giá {qua|trong} {ib|inbox|zalo|tin nhắn}', 'giá {ib|inbox}', 'ib giá', 'inbox giá', 'check ib', 'check inbox', 'chấm giá', 'giá chỉ {báo|gửi} {qua|trong} {ib|inbox}', 'giá ảo', 'giá trên sàn {không|ko} đúng', 'giá sàn chỉ để tham khảo', 'giá niêm yết {không|ko} phải giá bán', 'giá {hiển thị|niêm yết|trên sàn|đăng|trên app|sản phẩm} {không|ko|chưa} {chính xác|đúng|phải giá bán}', 'giá {đăng|hiển thị|trên sàn|niêm yết} {chỉ |}{là |}{tượng trưng|tham khảo|để tham khảo}', 'giá {chỉ |}{để |}{tham khảo|tượng trưng}', 'giá tượng trưng', 'giá chưa chính xác', 'giá {1đ|1 đ|1 đồng|1k|1000đ} {chỉ |}{để |}{đặt lịch|đặt cọc|giữ chỗ|tham khảo|giữ đơn}', '{nhận|lấy|xin} báo giá {trước|sỉ|chính xác}', 'báo giá trước khi đặt', 'liên hệ trực tiếp {báo giá|để báo giá|lấy giá}'],
  'Giá bị ẩn, người mua phải nhắn tin/inbox để biết giá: dấu hiệu giao dịch ngoài sàn / ẩn giá.',
  'The price is hidden and buyers must message to learn it: a sign of off-platform dealing / hidden pricing.',
  ['Đồng hồ Rolex, inbox báo giá', 'Giá liên hệ, ib để biết giá', 'Check ib nhé khách'],
  ['Nhắn tin cho shop để được tư vấn size', 'Báo giá thi công nội thất theo m2'],
  context={'forbidAny': ['báo giá thi công', 'thi công', 'công trình'], 'forbidWindow': 10})
R('offplatform.inbox-weak', 'off_platform', 1,
  ['ib', 'inbox', 'ibox', 'inb', 'nhắn tin shop', 'ib shop', 'ib mình', 'ib em', 'inbox shop', 'nt shop', 'dm', 'pm'],
  '"Inbox / ib": tín hiệu yếu, chỉ đáng chú ý khi đi cùng các dấu hiệu khác.',
  '"Inbox / DM": a weak signal, relevant only with other signs.',
  ['Mẫu mới về, ib shop nhé', 'Inbox để tư vấn size'],
  ['Bánh mì ibis', 'Sách Ibuki'])
R('offplatform.phone-number', 'off_platform', 5, [],
  'Tin đăng có số điện thoại di động: có dấu hiệu kéo khách giao dịch ngoài sàn (sàn cấm đưa số điện thoại).',
  'The listing contains a mobile phone number: a possible attempt to take the deal off-platform (marketplaces forbid phone numbers).',
  ['Kết bạn za lô: không chín ba hai, năm năm tám, một bốn sáu', 'Liên hệ 0912345678', 'Gọi 09.12.34.56.78 để đặt', 'sđt 0 9 8 7 6 5 4 3 2 1', 'Hotline +84 912 345 678', 'Lh O9O9.888.777', 'Liên hệ 0 9 7 8 . 6 5 4 . 3 2 1', 'Vui lòng gọi 0283 123 4567'],
  [{'title': 'Bánh quy bơ', 'description': 'Mã số thuế 0312345678, giấy ATTP số 123/2025'}, 'Một hai ba bốn, cả nhà cùng học đếm', 'Giá 1.290.000đ', 'Tổng đài bảo hành 1800 1234', 'Mã sản phẩm 8934563123456', {'title': 'Bán xe máy Wave', 'description': 'Liên hệ 0912345678', 'site': 'chotot.com'}, 'Mã vạch 6934177716584, dung lượng 10000mAh'],
  fields=['title', 'description', 'shopName'],
  sites={'exclude': ['chotot', 'facebook', 'muaban', 'nhattao', 'batdongsan']},
  context={'forbidAny': ['mã số thuế', 'mst', 'mã số doanh nghiệp', 'số tài khoản', 'stk', 'mã vạch', 'mã sản phẩm', 'sku', 'số seri', 'serial'], 'forbidWindow': 12},
  regexes=[{'source': r'(?<![\d.,])(?:\+ ?84|84|0) ?[.-]? ?[35789](?: ?[.-]? ?\d){8}(?![\d])', 'minDigits': 9},
           {'source': r'(?<![a-z])(?:khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin)(?: ?[,.-]? (?:khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin)){8,10}(?![a-z])', 'minDigits': 0, 'triggers': ['không'], 'alsoTriggers': [['chín', 'tám', 'bảy', 'năm', 'ba']], 'flags': ''},
           {'source': r'(?<![\w.,])\+ ?84 ?[.-]? ?[35789](?: ?[.-]? ?[\do]){8}(?![\w])', 'minDigits': 2},
           {'source': r'(?<![\w.,])[0o] ?[.-]? ?[35789](?: ?[.-]? ?[\do]){8}(?![\w])', 'minDigits': 5, 'triggers': ['lh', 'liên hệ', 'sđt', 'sdt', 'zalo', 'gọi', 'hotline', 'đt', 'phone', 'call', 'số']},
           {'source': r'(?<![\d.,])(?:\+ ?84|84|0) ?[.-]? ?2\d(?: ?[.-]? ?\d){8}(?![\d])', 'minDigits': 9, 'triggers': ['lh', 'liên hệ', 'sđt', 'sdt', 'gọi', 'hotline', 'đt', 'phone', 'call', 'số', 'điện thoại']}])

refs = []
def P(id, names, gmin, products=None, exclude=None):
    r = {'id': id, 'names': names, 'genuineMin': gmin}
    if products: r['products'] = [{'words': w, 'genuineMin': g} for w, g in products]
    if exclude: r['exclude'] = exclude
    refs.append(r)
BAG = ['túi', 'túi xách', 'balo', 'cặp', 'túi đeo chéo', 'bag']
WALLET = ['ví', 'bóp', 'wallet']
BELT = ['thắt lưng', 'dây lưng', 'belt']
SHOE = ['giày', 'giầy', 'sneaker', 'boots', 'dép', 'sandal', 'loafer']
PERF = ['nước hoa', 'perfume', 'edp', 'edt']
LIP = ['son', 'son môi', 'son thỏi', 'son kem']
GLASS = ['kính', 'mắt kính', 'kính mát']
P('louis-vuitton', ['Louis Vuitton', 'louisvuitton', 'lv'], 6000000, [(BAG, 25000000), (WALLET, 9000000), (BELT, 10000000), (SHOE, 15000000), (PERF, 6000000)])
P('gucci', ['Gucci'], 3000000, [(BAG, 25000000), (WALLET, 8000000), (BELT, 9000000), (SHOE, 15000000), (PERF, 2500000), (GLASS, 7000000), (['áo', 'áo thun', 'áo polo'], 9000000)])
P('chanel', ['Chanel'], 2500000, [(BAG, 80000000), (WALLET, 20000000), (SHOE, 25000000), (PERF, 2500000), (LIP, 1000000), (GLASS, 10000000)])
P('dior', ['Dior', 'christian dior'], 2000000, [(BAG, 50000000), (WALLET, 15000000), (SHOE, 20000000), (PERF, 2500000), (LIP, 900000), (GLASS, 9000000)])
P('hermes', ['Hermès', 'hermes'], 4000000, [(BAG, 150000000), (BELT, 20000000), (PERF, 3000000), (['khăn'], 10000000), (SHOE, 20000000)])
P('prada', ['Prada'], 5000000, [(BAG, 35000000), (WALLET, 10000000), (SHOE, 18000000)])
P('balenciaga', ['Balenciaga'], 8000000, [(SHOE, 18000000), (BAG, 30000000)])
P('ysl', ['Saint Laurent', 'YSL', 'Yves Saint Laurent'], 1000000, [(BAG, 30000000), (LIP, 1000000), (PERF, 2500000)])
P('burberry', ['Burberry'], 4000000, [(BAG, 30000000), (['áo khoác', 'áo trench', 'trench coat'], 40000000), (['khăn'], 10000000)])
P('fendi', ['Fendi'], 8000000, [(BAG, 40000000)])
P('celine', ['Celine', 'Céline'], 8000000, [(BAG, 40000000)])
P('versace', ['Versace'], 2000000, [(PERF, 1800000), (SHOE, 15000000)])
P('goyard', ['Goyard'], 15000000)
P('rolex', ['Rolex'], 150000000)
P('omega', ['Omega'], 80000000, exclude=['omega 3', 'omega-3', 'omega3', 'omega 369', 'dầu cá', 'fish oil', 'viên uống', 'thực phẩm', 'tpbvsk', 'tpcn'])
P('hublot', ['Hublot'], 200000000)
P('patek', ['Patek Philippe', 'patek'], 500000000)
P('audemars', ['Audemars Piguet', 'audemars', 'AP Royal Oak'], 500000000)
P('richard-mille', ['Richard Mille'], 2000000000)
P('cartier', ['Cartier'], 30000000)
P('tag-heuer', ['Tag Heuer'], 35000000)
P('longines', ['Longines'], 25000000)
P('tissot', ['Tissot'], 7000000)
P('orient', ['Orient Star'], 10000000)
P('bvlgari', ['Bvlgari', 'Bulgari'], 15000000, [(PERF, 2000000)])
P('tiffany', ['Tiffany', 'Tiffany & Co'], 5000000)
P('van-cleef', ['Van Cleef', 'Van Cleef & Arpels', 'vca'], 60000000)
P('pandora', ['Pandora'], 1200000)
P('swarovski', ['Swarovski'], 1500000)
P('montblanc', ['Montblanc', 'Mont Blanc'], 5000000)
P('nike', ['Nike'], 500000, [(SHOE, 1800000), (['jordan', 'air jordan', 'air force', 'af1', 'dunk', 'air max'], 2500000), (['dép', 'dép quai ngang', 'slide'], 600000)], exclude=['tất', 'vớ', 'băng đô', 'băng cổ tay', 'dây giày'])
P('adidas', ['Adidas'], 500000, [(SHOE, 1800000), (['ultraboost', 'ultra boost', 'yeezy', 'samba', 'superstar', 'stan smith'], 2200000), (['dép', 'slide', 'adilette'], 500000)], exclude=['tất', 'vớ', 'băng đô', 'dây giày'])
P('jordan', ['Jordan', 'Air Jordan'], 3000000, exclude=['michael jordan poster', 'sách'])
P('yeezy', ['Yeezy'], 5000000)
P('new-balance', ['New Balance'], 1800000)
P('mlb', ['MLB'], 800000, [(SHOE, 2200000), (BAG, 1800000), (['mũ', 'nón'], 900000), (['áo'], 1200000)])
P('off-white', ['Off-White', 'Off White'], 5000000)
P('supreme', ['Supreme'], 1500000)
P('converse', ['Converse'], 1100000)
P('vans', ['Vans'], 1100000)
P('the-north-face', ['The North Face', 'TNF'], 1500000)
P('ray-ban', ['Ray-Ban', 'Rayban', 'Ray Ban'], 3000000)
P('gentle-monster', ['Gentle Monster'], 5000000)
P('iphone', ['iPhone'], 6000000, [(['iphone 13', '13 mini'], 8000000), (['13 pro'], 10000000), (['13 pro max'], 11000000), (['iphone 14', '14 plus'], 10000000), (['14 pro'], 14000000), (['14 pro max'], 16000000), (['iphone 15', '15 plus'], 13000000), (['15 pro'], 18000000), (['15 pro max'], 21000000), (['iphone 16', '16 plus', '16e'], 15000000), (['16 pro'], 22000000), (['16 pro max'], 26000000), (['iphone 17', 'iphone air'], 20000000), (['17 pro'], 28000000), (['17 pro max'], 32000000)], exclude=['cũ', 'đã qua sử dụng', '2hand', 'like new', 'xác', 'hỏng', 'linh kiện', 'màn hình', 'vỏ', 'pin', 'lock', 'icloud', 'mô hình', 'đồ chơi'])
P('airpods', ['AirPods', 'Air Pods'], 2500000, [(['airpods pro', 'pro 2', 'airpods max', 'max'], 4500000)], exclude=['cũ', 'like new', 'hộp sạc', 'case', 'vỏ', 'bao'])
P('apple-watch', ['Apple Watch'], 5000000, exclude=['cũ', 'like new', 'dây', 'kính', 'ốp'])
P('ipad', ['iPad'], 6000000, exclude=['cũ', 'like new', 'bao da', 'bút', 'bàn phím', 'bút cảm ứng'])
P('macbook', ['MacBook'], 15000000, [(['m1', 'air m1'], 13000000), (['m2', 'm3', 'm4', 'macbook pro'], 20000000)], exclude=['cũ', 'like new', 'sạc', 'túi', 'da dán', 'bàn phím'])
P('samsung-flagship', ['Galaxy S24', 'Galaxy S23', 'Galaxy S25', 'Galaxy S26', 'Galaxy Z Fold', 'Galaxy Z Flip', 'S24 Ultra', 'S25 Ultra', 'S23 Ultra', 'Z Fold', 'Z Flip'], 10000000, [(['ultra', 'fold'], 18000000)], exclude=['cũ', 'like new', 'ốp'])
P('ps5', ['PS5', 'PlayStation 5'], 9000000, exclude=['tay cầm', 'đĩa', 'game', 'cũ'])
P('dyson', ['Dyson'], 7000000, [(['airwrap'], 12000000)], exclude=['đầu', 'lõi lọc', 'phụ kiện'])
P('marshall', ['Marshall'], 3000000)
P('bose', ['Bose'], 3500000)
P('jbl', ['JBL'], 1000000, exclude=['dây'])
P('sony-wh', ['WH-1000XM5', 'WH-1000XM4', 'WF-1000XM5'], 4500000)
P('spigen', ['Spigen'], 400000)
P('sk-ii', ['SK-II', 'SKII', 'SK II'], 1500000)
P('estee-lauder', ['Estee Lauder', 'Estée Lauder'], 1200000)
P('lancome', ['Lancome', 'Lancôme'], 1200000)
P('la-mer', ['La Mer'], 4000000)
P('tom-ford', ['Tom Ford'], 1200000, [(PERF, 3500000)])
P('jo-malone', ['Jo Malone'], 2000000)
P('creed', ['Creed'], 5000000)
P('whoo', ['Whoo', 'The History of Whoo'], 1200000)
P('sulwhasoo', ['Sulwhasoo'], 1200000)
# commonly faked mid-range brands (lowest plausible new price in VN, outlet/sale included)
P('lacoste', ['Lacoste'], 900000, [(SHOE, 1500000), (['áo polo', 'polo'], 1500000)])
P('ralph-lauren', ['Ralph Lauren', 'Polo Ralph Lauren'], 1000000, [(['áo polo', 'polo', 'áo sơ mi'], 1500000)])
P('tommy', ['Tommy Hilfiger'], 800000)
P('calvin-klein', ['Calvin Klein'], 400000, [(PERF, 900000), (BAG, 1500000)])
P('coach', ['Coach'], 1500000, [(BAG, 3000000), (WALLET, 1500000)], exclude=['huấn luyện', 'xe coach', 'coach bus'])
P('michael-kors', ['Michael Kors'], 1500000, [(BAG, 2500000)])
P('kate-spade', ['Kate Spade'], 1200000, [(BAG, 2500000)])
P('longchamp', ['Longchamp'], 1500000, [(BAG, 2200000)])
P('mcm', ['MCM'], 4000000, [(BAG, 10000000)])
P('charles-keith', ['Charles & Keith', 'Charles and Keith', 'Charles Keith'], 500000)
P('bottega', ['Bottega Veneta', 'Bottega'], 10000000, [(BAG, 30000000)])
P('givenchy', ['Givenchy'], 1000000, [(PERF, 1500000), (BAG, 25000000)])
P('valentino', ['Valentino'], 1500000, [(BAG, 25000000), (SHOE, 15000000)])
P('armani', ['Giorgio Armani', 'Armani'], 800000, [(PERF, 1500000)])
P('carolina-herrera', ['Carolina Herrera'], 1500000)
P('narciso', ['Narciso Rodriguez'], 1500000)
P('le-labo', ['Le Labo'], 3500000)
P('byredo', ['Byredo'], 3500000)
P('kilian', ['Kilian', 'By Kilian'], 4500000)
P('margiela-replica', ['Maison Margiela', 'Margiela'], 1500000)
P('daniel-wellington', ['Daniel Wellington'], 1500000)
P('g-shock', ['G-Shock', 'G Shock', 'Gshock', 'Baby-G'], 1500000)
P('garmin', ['Garmin'], 3500000, exclude=['dây', 'cáp sạc', 'kính'])
P('beats', ['Beats Studio', 'Beats Solo', 'Beats Fit Pro', 'Powerbeats'], 2500000)
P('nintendo-switch', ['Nintendo Switch'], 4500000, exclude=['đĩa', 'game', 'tay cầm', 'joycon', 'joy-con', 'thẻ'])
P('stussy', ['Stussy', 'Stüssy'], 900000)
P('fear-of-god', ['Fear of God', 'Essentials FOG'], 1200000)
P('bape', ['Bape', 'A Bathing Ape'], 2500000)
P('crocs', ['Crocs'], 700000, exclude=['jibbitz', 'sticker', 'charm'])
P('birkenstock', ['Birkenstock'], 1500000)
P('hoka', ['Hoka', 'Hoka One One'], 2500000)
P('on-running', ['On Running', 'On Cloud', 'Cloudmonster'], 2500000)
P('asics', ['Asics'], 1000000, [(SHOE, 1500000)])
P('puma', ['Puma'], 400000, [(SHOE, 1000000)], exclude=['tất', 'vớ'])
P('samsonite', ['Samsonite'], 1500000)
P('kiehls', ["Kiehl's", 'Kiehls'], 500000)
P('clinique', ['Clinique'], 500000)
P('ohui', ['Ohui', "O HUI"], 500000, [(['bộ', 'set', 'the first'], 1500000)])

price_exclude = ['giá treo', 'giá đỡ', 'kệ treo', 'kệ để', 'móc treo', 'túi đựng', 'bao đựng', 'hộp đựng', 'ốp', 'ốp lưng', 'case', 'bao da', 'miếng dán', 'dán màn hình', 'cường lực', 'kính cường lực', 'dây đeo', 'dây đồng hồ', 'cáp', 'cáp sạc', 'củ sạc', 'sạc', 'hộp', 'vỏ hộp', 'box rỗng', 'sticker', 'móc khóa', 'móc khoá', 'mô hình', 'tương thích', 'dành cho', 'phụ kiện', 'dây giày', 'lót giày', 'tất', 'vớ', 'cũ', 'đã qua sử dụng', '2hand', 'second hand', 'secondhand', 'thanh lý', 'chiết', 'chiết {5ml|10ml|2ml|20ml}', 'mẫu thử', 'sample', 'vial', 'mini size', 'minisize', 'tester', 'thuê', 'cho thuê', 'đặt cọc', 'cọc', 'trả góp', 'góp', 'voucher', 'mã giảm', 'phiếu', 'khăn lau', 'nước vệ sinh', 'vệ sinh giày', 'bàn chải', 'decal', 'skin', 'giá đỡ', 'túi chống sốc', 'túi đựng', 'hộp đựng', 'bọc', 'nắp', 'charm', 'poster', 'sách', 'hình dán', 'in hình', 'áo thun in', 'bút', 'gift card', 'thẻ quà', 'đồ chơi', 'cho bé', 'trẻ em', 'kids', 'búp bê', 'móc', 'tem', 'nhãn', 'mác', 'khuy', 'nút', 'dây chuyền bạc', 'bản sao', 'tranh', 'giấy dán', 'hình nền', 'khung', 'kệ', 'giá trưng bày']

pack = {
  'packId': 'vn-marketplace-default',
  'version': '1.7.0',
  'issued': '2026-11-29',
  'description': 'Default rule pack shipped with the extension: Vietnamese marketplace signals for the report taxonomy in DOMAIN.md. Signals, never verdicts.',
  'thresholds': {'medium': 4, 'high': 8},
  'macros': macros,
  'priceExclude': price_exclude,
  'fx': {'USD': 25000, 'EUR': 27000, 'CNY': 3500, 'JPY': 170, 'KRW': 18, 'THB': 700},
  'priceReferences': refs,
  'rules': rules,
}
import os
json.dump(pack, open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'default.json'), 'w'), ensure_ascii=False, indent=1)
print(len(rules), 'rules', len(refs), 'refs')
