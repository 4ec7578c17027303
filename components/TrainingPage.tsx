import { useEffect, useMemo, useState } from 'react';
import { CATEGORY_INFO, VIOLATION_CATEGORY_IDS, type ViolationCategory } from '../contract/categories';
import { RulePackSchema, type RiskHit } from '../contract/index';
import type { Language } from '../utils/i18n';
import { sendMessage } from '../utils/messaging/send';
import { mountDemoWidget } from './demo-widget';
import { assess, DEFAULT_PACK_JSON, getDefaultPack, toAssessInput } from '../utils/risk/index';
import { buildDemoListings, buildQuiz, scoreQuiz, type DemoListing, type QuizAnswer, type QuizItem } from '../utils/training/demo-listings';
import { explainMatch, type Disguise } from '../utils/training/explain-hit';
import { TRAINING_MESSAGES, type TrainingMessageKey } from '../utils/training/messages';

const DISGUISE_KEYS: Record<Disguise, TrainingMessageKey> = { diacritics: 'trickDiacritics', case: 'trickCase', leet: 'trickLeet', split: 'trickSplit' };
const QUIZ_SIZE = 8;

type View = { page: 'gallery' } | { page: 'demo'; id: string } | { page: 'quiz' };

function readView(): View {
  const hash = location.hash.replace(/^#\/?/, '');
  if (hash.startsWith('demo/')) return { page: 'demo', id: decodeURIComponent(hash.slice(5)) };
  if (hash === 'quiz') return { page: 'quiz' };
  return { page: 'gallery' };
}

/** The trainer's page: demo listings built from the rule pack (one per category), each hit explained step by step, and a quiz. */
export function TrainingPage() {
  const [language, setLanguage] = useState<Language>('vi');
  const [view, setView] = useState<View>(readView);
  const t = (key: TrainingMessageKey) => TRAINING_MESSAGES[language][key];
  const pack = useMemo(() => RulePackSchema.parse(DEFAULT_PACK_JSON), []);
  const compiled = useMemo(() => getDefaultPack(), []);
  const demos = useMemo(() => buildDemoListings(pack, compiled), [pack, compiled]);

  useEffect(() => {
    void sendMessage('getUiSettings', {}).then((settings) => setLanguage(settings.language)).catch(() => undefined);
    const onHash = () => setView(readView());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${t('title')} · Hotline 389`;
  });

  const demo = view.page === 'demo' ? demos.find((candidate) => candidate.id === view.id) : undefined;
  return (
    <div className="training" lang={language}>
      <header className="training-head">
        <p className="demo-mark" aria-label={t('demoMark')}>
          {t('demoMark')}
        </p>
        <h1>{t('title')}</h1>
        <nav aria-label={t('title')}>
          <a href="#" aria-current={view.page === 'gallery' ? 'page' : undefined}>
            {t('tabGallery')}
          </a>
          <a href="#quiz" aria-current={view.page === 'quiz' ? 'page' : undefined}>
            {t('tabQuiz')}
          </a>
        </nav>
      </header>
      <main>
        {view.page === 'gallery' && <Gallery demos={demos} language={language} t={t} />}
        {view.page === 'demo' && demo && <DemoListingView demo={demo} pack={pack} language={language} t={t} />}
        {view.page === 'quiz' && <Quiz language={language} t={t} build={(seed) => buildQuiz(pack, compiled, QUIZ_SIZE, seed)} />}
      </main>
    </div>
  );

}

function Gallery({ demos, language, t }: { demos: DemoListing[]; language: Language; t: (key: TrainingMessageKey) => string }) {
  return (
    <>
      <p className="intro">{t('intro')}</p>
      <ul className="gallery">
        {demos.map((item) => (
          <li key={item.id}>
            <p className="category">{CATEGORY_INFO[item.category][language]}</p>
            <p className="demo-title">{item.listing.title}</p>
            <a href={`#demo/${encodeURIComponent(item.id)}`} target="_blank" rel="noopener">
              {t('openDemo')}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

function DemoListingView({ demo, pack, language, t }: { demo: DemoListing; pack: ReturnType<typeof RulePackSchema.parse>; language: Language; t: (key: TrainingMessageKey) => string }) {
  const result = useMemo(() => assess(toAssessInput(demo.listing), getDefaultPack()), [demo]);
  // The Báo cáo button and risk badge, as on a marketplace page: the class practises the whole report flow.
  useEffect(() => mountDemoWidget(demo.listing, language), [demo, language]);
  const hits = dedupeHits(result.hits);
  const { listing } = demo;
  return (
    <article className="demo">
      <p>
        <a href="#">{t('backToGallery')}</a>
      </p>
      <section className="mock-listing" aria-label={t('demoMark')}>
        <p className="demo-mark">{t('demoMark')}</p>
        <h2>{listing.title}</h2>
        {listing.price !== undefined && (
          <p>
            {t('price')}: {listing.price.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB')} ₫
          </p>
        )}
        {listing.seller?.name && (
          <p>
            {t('seller')}: {listing.seller.name}
          </p>
        )}
        {listing.description && (
          <p>
            {t('description')}: {listing.description}
          </p>
        )}
      </section>
      <section className="reasons">
        <h2>{t('reasons')}</h2>
        {hits.length === 0 && <p>{t('noReasons')}</p>}
        <ol>
          {hits.map((hit) => {
            const rule = pack.rules.find((candidate) => candidate.id === hit.ruleId);
            const match = hit.text ? explainMatch(hit.text) : undefined;
            return (
              <li key={`${hit.ruleId}:${hit.field}:${hit.start ?? ''}`} className="hit">
                <dl>
                  {hit.text && (
                    <>
                      <dt>{t('stepPhrase')}</dt>
                      <dd>
                        <mark>{hit.text}</mark> {t('inField')} {fieldName(hit.field, t)}
                      </dd>
                    </>
                  )}
                  {match && (
                    <>
                      <dt>{t('stepNormalised')}</dt>
                      <dd>
                        <code>{match.folded}</code> — {t('tricks')}: {match.disguises.length ? match.disguises.map((disguise) => t(DISGUISE_KEYS[disguise])).join(', ') : t('trickNone')}
                      </dd>
                    </>
                  )}
                  <dt>{t('stepRule')}</dt>
                  <dd>
                    <code>{hit.ruleId}</code> ({CATEGORY_INFO[hit.category][language]}): {hit.explanation[language]}
                  </dd>
                  <dt>{t('stepLegal')}</dt>
                  <dd>{hit.legalRef}</dd>
                  {rule && (
                    <>
                      <dt>{t('stepNearMiss')}</dt>
                      <dd>
                        <ul>
                          {rule.examples.pass.slice(0, 3).map((example, index) => (
                            <li key={index}>{typeof example === 'string' ? example : example.title}</li>
                          ))}
                        </ul>
                      </dd>
                    </>
                  )}
                </dl>
              </li>
            );
          })}
        </ol>
      </section>
    </article>
  );
}

function fieldName(field: string, t: (key: TrainingMessageKey) => string): string {
  const key = `field_${field}`;
  return key in TRAINING_MESSAGES.vi ? t(key as TrainingMessageKey) : field;
}

/** One entry per rule and phrase: "rep 1:1" found twice is one reason. */
function dedupeHits(hits: readonly RiskHit[]): RiskHit[] {
  const seen = new Set<string>();
  return hits.filter((hit) => {
    const key = `${hit.ruleId}:${hit.text ? explainMatch(hit.text).folded : hit.field}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function Quiz({ language, t, build }: { language: Language; t: (key: TrainingMessageKey) => string; build: (seed: number) => QuizItem[] }) {
  const [seed, setSeed] = useState(() => Math.floor(Math.random() * 1_000_000));
  const items = useMemo(() => build(seed), [build, seed]);
  const [answers, setAnswers] = useState<Record<string, QuizAnswer>>({});
  const [checked, setChecked] = useState(false);
  const score = checked ? scoreQuiz(items, answers) : undefined;
  const format = (template: string) => template.replace(/\{(\w+)\}/g, (_, key: string) => String(score?.[key as 'correct'] ?? ''));
  const answer = (id: string, change: Partial<QuizAnswer>) => setAnswers((current) => ({ ...current, [id]: { violates: false, ...current[id], ...change } }));
  return (
    <form
      className="quiz"
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
      }}
    >
      <p className="intro">{t('quizIntro')}</p>
      <ol>
        {items.map((item) => {
          const given = answers[item.id];
          const verdict = score?.perItem.find((entry) => entry.id === item.id);
          return (
            <li key={item.id} className="quiz-item" data-result={verdict ? (verdict.rightCategory ? 'right' : 'wrong') : undefined}>
              <p className="demo-title">
                <span className="demo-mark small">{t('demoMark')}</span> {item.listing.title}
              </p>
              <fieldset>
                <legend className="visually-hidden">{item.listing.title}</legend>
                <label>
                  <input type="radio" name={`v-${item.id}`} checked={given?.violates === true} onChange={() => answer(item.id, { violates: true })} /> {t('violates')}
                </label>
                <label>
                  <input type="radio" name={`v-${item.id}`} checked={given?.violates === false} onChange={() => answer(item.id, { violates: false, category: undefined })} /> {t('ordinary')}
                </label>
                <label>
                  {t('category')}{' '}
                  <select
                    value={given?.category ?? ''}
                    disabled={given?.violates !== true}
                    onChange={(event) => answer(item.id, { category: (event.target.value || undefined) as ViolationCategory | undefined })}
                  >
                    <option value="">—</option>
                    {VIOLATION_CATEGORY_IDS.map((category) => (
                      <option key={category} value={category}>
                        {CATEGORY_INFO[category][language]}
                      </option>
                    ))}
                  </select>
                </label>
              </fieldset>
              {verdict && (
                <p className="verdict" role="status">
                  {verdict.rightCategory ? t('right') : t('wrong')} — {t('expected')}:{' '}
                  {item.expected.violates && item.expected.category ? CATEGORY_INFO[item.expected.category][language] : t('expectedOrdinary')}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <p className="actions">
        <button type="submit">{t('check')}</button>{' '}
        <button
          type="button"
          onClick={() => {
            setSeed((current) => current + 1);
            setAnswers({});
            setChecked(false);
          }}
        >
          {t('newQuiz')}
        </button>
      </p>
      {score && (
        <p className="score" role="status" aria-live="polite">
          {format(t('score'))}
        </p>
      )}
    </form>
  );
}
