import { useEffect, useState, type FormEvent, type MouseEvent } from 'react';
import type { OrgList } from '../App.tsx';
import { api, type AuditEntry, type Org, type User, type UserRole } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { actionLabel, AuditDetail } from '../components/History.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { USER_ROLES } from '../constants.ts';
import { formatDateTime } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { caseHref } from '../route.ts';

export function AdminPage({ orgs }: { orgs: OrgList }) {
  const { t } = useI18n();
  return (
    <>
      <PageTitle>{t('adminTitle')}</PageTitle>
      <nav className="in-page" aria-label={t('adminTitle')}>
        <a href="#/admin" onClick={(event) => jump(event, 'users-title')}>
          {t('users')}
        </a>
        <a href="#/admin" onClick={(event) => jump(event, 'orgs-title')}>
          {t('orgs')}
        </a>
        <a href="#/admin" onClick={(event) => jump(event, 'audit-title')}>
          {t('audit')}
        </a>
      </nav>
      <Users orgs={orgs.orgs} />
      <Orgs orgs={orgs} />
      <Audit orgs={orgs.orgs} />
    </>
  );
}

/** In-page links without touching the hash (the hash is the route). */
function jump(event: MouseEvent, id: string) {
  event.preventDefault();
  const target = document.getElementById(id);
  target?.scrollIntoView({ block: 'start' });
  target?.focus();
}

function OrgOptions({ orgs }: { orgs: readonly Org[] }) {
  return (
    <>
      {orgs.map((org) => (
        <option key={org.id} value={org.id}>
          {org.name}
        </option>
      ))}
    </>
  );
}

function Users({ orgs }: { orgs: Org[] }) {
  const { t } = useI18n();
  const users = useLoad(() => api.users(), []);
  const [message, setMessage] = useState('');
  return (
    <section className="panel" aria-labelledby="users-title">
      <h2 id="users-title" tabIndex={-1}>
        {t('users')}
      </h2>
      <ErrorMessage error={users.error} />
      <p role="status" className="saved-message">
        {message}
      </p>
      {users.data ? (
        <div className="table-wrap">
          <table className="users responsive">
            <caption className="visually-hidden">{t('usersCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('email')}</th>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('role')}</th>
                <th scope="col">{t('org')}</th>
                <th scope="col">{t('active')}</th>
                <th scope="col">{t('newPasswordShort')}</th>
                <th scope="col">{t('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  orgs={orgs}
                  onSaved={(saved) => {
                    setMessage(t('userSaved', { email: saved.email }));
                    users.setData((current) => current?.map((item) => (item.id === saved.id ? saved : item)));
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        users.loading && <p role="status">{t('loading')}</p>
      )}
      <CreateUser
        orgs={orgs}
        onCreated={(created) => {
          setMessage(t('userCreated', { email: created.email }));
          users.setData((current) => [...(current ?? []), created]);
        }}
      />
    </section>
  );
}

function UserRow({ user, orgs, onSaved }: { user: User; orgs: Org[]; onSaved(user: User): void }) {
  const { t } = useI18n();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<UserRole>(user.role);
  const [orgId, setOrgId] = useState(user.orgId);
  const [active, setActive] = useState(user.active);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    setName(user.name);
    setRole(user.role);
    setOrgId(user.orgId);
    setActive(user.active);
  }, [user]);
  const changed = name.trim() !== user.name || role !== user.role || orgId !== user.orgId || active !== user.active || password !== '';
  const rowOrgs = orgs.some((org) => org.id === user.orgId) ? orgs : [...orgs, { id: user.orgId, name: user.orgName, kind: null, createdAt: '' }];
  const idBase = `user-${user.id}`;

  async function save() {
    setBusy(true);
    setError(undefined);
    try {
      const patch: Parameters<typeof api.updateUser>[1] = {};
      if (name.trim() !== user.name) patch.name = name.trim();
      if (role !== user.role) patch.role = role;
      if (orgId !== user.orgId) patch.orgId = orgId;
      if (active !== user.active) patch.active = active;
      if (password) patch.password = password;
      const saved = await api.updateUser(user.id, patch);
      setPassword('');
      onSaved(saved);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <tr>
      <th scope="row" className="break">
        {user.email}
      </th>
      <td data-label={t('name')}>
        <input aria-label={`${t('name')} – ${user.email}`} id={`${idBase}-name`} value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
      </td>
      <td data-label={t('role')}>
        <select aria-label={`${t('role')} – ${user.email}`} value={role} onChange={(event) => setRole(event.target.value as UserRole)}>
          {USER_ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`role_${value}`)}
            </option>
          ))}
        </select>
      </td>
      <td data-label={t('org')}>
        <select aria-label={`${t('org')} – ${user.email}`} value={orgId} onChange={(event) => setOrgId(event.target.value)}>
          <OrgOptions orgs={rowOrgs} />
        </select>
      </td>
      <td data-label={t('active')}>
        <label className="check">
          <input type="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} />
          {active ? t('active') : t('inactive')}
          <span className="visually-hidden"> – {user.email}</span>
        </label>
      </td>
      <td data-label={t('newPasswordShort')}>
        <input
          type="password"
          autoComplete="new-password"
          aria-label={`${t('newPassword')} – ${user.email}`}
          minLength={12}
          maxLength={200}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </td>
      <td>
        <button type="button" className="secondary" disabled={!changed || busy} onClick={save} aria-label={`${t('save')} – ${user.email}`}>
          {busy ? t('saving') : t('save')}
        </button>
        <ErrorMessage error={error} />
      </td>
    </tr>
  );
}

function CreateUser({ orgs, onCreated }: { orgs: Org[]; onCreated(user: User): void }) {
  const { t } = useI18n();
  const empty = { email: '', name: '', role: 'inspector' as UserRole, orgId: '', password: '' };
  const [form, setForm] = useState(empty);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const created = await api.createUser({ ...form, email: form.email.trim(), name: form.name.trim() });
      setForm(empty);
      onCreated(created);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="subform" onSubmit={submit} aria-labelledby="create-user-title">
      <h3 id="create-user-title">{t('createUser')}</h3>
      {orgs.length === 0 && <p className="notice">{t('noOrgs')}</p>}
      <div className="form-grid">
        <div className="field">
          <label htmlFor="new-user-email">{t('email')}</label>
          <input id="new-user-email" type="email" required maxLength={320} autoComplete="off" value={form.email} onChange={(event) => setForm({ ...form, email: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="new-user-name">{t('name')}</label>
          <input id="new-user-name" required maxLength={200} value={form.name} onChange={(event) => setForm({ ...form, name: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="new-user-role">{t('role')}</label>
          <select id="new-user-role" value={form.role} onChange={(event) => setForm({ ...form, role: event.target.value as UserRole })}>
            {USER_ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`role_${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-user-org">{t('org')}</label>
          <select id="new-user-org" required value={form.orgId} onChange={(event) => setForm({ ...form, orgId: event.target.value })}>
            <option value="">{t('selectOrg')}</option>
            <OrgOptions orgs={orgs} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-user-password">{t('password')}</label>
          <input
            id="new-user-password"
            type="password"
            required
            minLength={12}
            maxLength={200}
            autoComplete="new-password"
            aria-describedby="new-user-password-help"
            value={form.password}
            onChange={(event) => setForm({ ...form, password: event.target.value })}
          />
          <span id="new-user-password-help" className="muted small">
            {t('passwordHelp')}
          </span>
        </div>
        <div className="field field-buttons">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('saving') : t('createUser')}
          </button>
        </div>
      </div>
      <ErrorMessage error={error} />
    </form>
  );
}

function Orgs({ orgs }: { orgs: OrgList }) {
  const { t, lang } = useI18n();
  const [name, setName] = useState('');
  const [kind, setKind] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setMessage('');
    try {
      const created = await api.createOrg({ name: name.trim(), ...(kind.trim() ? { kind: kind.trim() } : {}) });
      setName('');
      setKind('');
      setMessage(t('orgCreated', { name: created.name }));
      orgs.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="orgs-title">
      <h2 id="orgs-title" tabIndex={-1}>
        {t('orgs')}
      </h2>
      {orgs.orgs.length === 0 ? (
        <p className="muted">{t('noOrgs')}</p>
      ) : (
        <div className="table-wrap">
          <table className="responsive">
            <caption className="visually-hidden">{t('orgsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('orgName')}</th>
                <th scope="col">{t('orgKind')}</th>
                <th scope="col">{t('createdAt')}</th>
              </tr>
            </thead>
            <tbody>
              {orgs.orgs.map((org) => (
                <tr key={org.id}>
                  <th scope="row">{org.name}</th>
                  <td data-label={t('orgKind')}>{org.kind ?? t('none')}</td>
                  <td data-label={t('createdAt')}>{formatDateTime(lang, org.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="subform" onSubmit={submit} aria-labelledby="create-org-title">
        <h3 id="create-org-title">{t('createOrg')}</h3>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="new-org-name">{t('orgName')}</label>
            <input id="new-org-name" required maxLength={200} value={name} onChange={(event) => setName(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="new-org-kind">{t('orgKind')}</label>
            <input id="new-org-kind" maxLength={100} placeholder={t('orgKindPlaceholder')} value={kind} onChange={(event) => setKind(event.target.value)} />
          </div>
          <div className="field field-buttons">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('saving') : t('createOrg')}
            </button>
          </div>
        </div>
        <ErrorMessage error={error} />
        <p role="status" className="saved-message">
          {message}
        </p>
      </form>
    </section>
  );
}

function Audit({ orgs }: { orgs: Org[] }) {
  const { t, lang } = useI18n();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();

  async function load(after?: string) {
    setLoading(true);
    setError(undefined);
    try {
      const page = await api.audit(after);
      setEntries((current) => (after ? [...current, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  return (
    <section className="panel" aria-labelledby="audit-title">
      <h2 id="audit-title" tabIndex={-1}>
        {t('audit')}
      </h2>
      <ErrorMessage error={error} />
      {entries.length === 0 && !loading && !error ? (
        <p className="muted">{t('noAudit')}</p>
      ) : (
        <div className="table-wrap">
          <table className="audit responsive">
            <caption className="visually-hidden">{t('auditCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colTime')}</th>
                <th scope="col">{t('colActor')}</th>
                <th scope="col">{t('colAction')}</th>
                <th scope="col">{t('colCase')}</th>
                <th scope="col">{t('colDetail')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row" className="nowrap">
                    <time dateTime={entry.at}>{formatDateTime(lang, entry.at)}</time>
                  </th>
                  <td data-label={t('colActor')}>{entry.actor ? `${entry.actor.name || entry.actor.email}` : t('system')}</td>
                  <td data-label={t('colAction')}>{actionLabel(lang, entry.action)}</td>
                  <td data-label={t('colCase')}>{entry.caseId ? <a href={caseHref(entry.caseId)}>{entry.caseId.slice(0, 8)}</a> : t('none')}</td>
                  <td data-label={t('colDetail')}>
                    <AuditDetail action={entry.action} detail={entry.detail} orgs={orgs} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loading && <p role="status">{t('loading')}</p>}
      {cursor && !loading && (
        <p className="load-more">
          <button type="button" className="secondary" onClick={() => void load(cursor)}>
            {t('loadMore')}
          </button>
        </p>
      )}
    </section>
  );
}
