import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n';
import { ApiError, NetworkError } from '../shared/api';

/**
 * The shell the administration screens share (agencies, staff, targets, working calendar): the
 * page head, the notice and error lines, the list's loading/empty/table states, the row actions,
 * the inline form and the modal form. Laid out for 1366×768 and a 768×1024 tablet (styles/admin.css,
 * "admin screens"): row actions stay on one line, a dialog's buttons stay in view while its fields scroll.
 */

/** What a failed call shows in a form: the server's problem, or a network/unknown error in Vietnamese. */
export function asProblem(x: unknown, t: ReturnType<typeof useI18n>['t']): ApiError {
  if (x instanceof ApiError) return x;
  return new ApiError(0, t(x instanceof NetworkError ? 'error.network' : 'error.generic'));
}

/** The first message the server gave for `body.<field>` (or a field under it), if any. */
export function fieldError(problem: ApiError | undefined, field: string): string | undefined {
  return problem?.errors.find((e) => e.field === `body.${field}` || e.field.startsWith(`body.${field}.`))?.message;
}

/** A line for the notice of an action that failed: the first field message, else the title. */
export function failureLine(x: unknown, t: ReturnType<typeof useI18n>['t']): string {
  const p = asProblem(x, t);
  return p.errors[0]?.message ?? p.title;
}

export function AdminPage({
  title,
  action,
  notice,
  error,
  children,
}: {
  title: string;
  action?: ReactNode;
  notice?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <section className="off-admin">
      <div className="off-head">
        <h1>{title}</h1>
        {action}
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {children}
    </section>
  );
}

/** A table of the admin screens: its column heads (and an unlabelled one for the row actions), then the rows. */
export function AdminTable({ columns, actions, children }: { columns: ReactNode[]; actions?: boolean; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <table className="off-table">
      <thead>
        <tr>
          {columns.map((c, i) => (
            // The heads are fixed for the screen: their place is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <th key={i}>{c}</th>
          ))}
          {actions && (
            <th>
              <span className="visually-hidden">{t('officer.staff.actions')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/**
 * A list's states: loading until `loaded`, the empty line when `empty`, else its table (the rows are
 * the children) in its scroll box, with what goes above (`heading`) and below (`footer`) it.
 */
export function AdminList({
  loaded,
  empty,
  emptyText,
  columns,
  actions,
  heading,
  footer,
  children,
}: {
  loaded: boolean;
  empty?: boolean;
  emptyText?: string;
  columns: ReactNode[];
  actions?: boolean;
  heading?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  if (!loaded) return <p className="muted">{t('common.loading')}</p>;
  if (empty) return <p className="off-empty">{emptyText}</p>;
  return (
    <div className="off-table-wrap">
      {heading}
      <AdminTable columns={columns} actions={actions}>
        {children}
      </AdminTable>
      {footer}
    </div>
  );
}

/**
 * A row's buttons, on one line; the rarer ones (`more`) behind "Thao tác khác" so a row of the
 * list stays one line high at 1366 px and on a tablet.
 */
export function RowActions({ children, more }: { children?: ReactNode; more?: ReactNode }) {
  const { t } = useI18n();
  const details = useRef<HTMLDetailsElement>(null);
  return (
    <div className="off-row-actions">
      {children}
      {more && (
        <details className="off-more" ref={details}>
          <summary className="button secondary slim">{t('officer.admin.more')}</summary>
          {/* A choice closes the menu: the action's own notice or dialog follows. */}
          {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: the buttons inside take the keys */}
          <div className="off-more-menu" onClick={() => details.current?.removeAttribute('open')}>
            {more}
          </div>
        </details>
      )}
    </div>
  );
}

/** The same text input in every admin form: label, the server's message for it, an optional hint. */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  invalid,
  hint,
  type = 'text',
  disabled,
  grow,
  inputMode,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** Marked as wrong without a message of its own: the form's problem line says why (AdminForm). */
  invalid?: boolean;
  hint?: string;
  type?: string;
  disabled?: boolean;
  grow?: boolean;
  inputMode?: 'decimal' | 'numeric' | 'tel';
}) {
  return (
    <div className={`field${error || invalid ? ' has-error' : ''}${grow ? ' grow' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        disabled={disabled}
        inputMode={inputMode}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && <p className="hint">{hint}</p>}
      {error && <p className="error">{error}</p>}
    </div>
  );
}

/** The problem of a form: its title and, for a form without per-field messages, each message. */
function ProblemLine({ problem, listErrors }: { problem: ApiError; listErrors?: boolean }) {
  return (
    <div className="alert" role="alert">
      <strong>{problem.title}</strong>
      {listErrors && problem.errors.length > 0 ? `: ${problem.errors.map((x) => x.message).join('; ')}` : ''}
    </div>
  );
}

/** A form laid out on the page, its fields side by side and wrapping (targets, calendar). */
export function AdminForm({
  onSubmit,
  problem,
  submitLabel,
  children,
}: {
  onSubmit: (e: FormEvent) => void;
  problem?: ApiError;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate className="off-admin-form">
      {problem && <ProblemLine problem={problem} listErrors />}
      {children}
      <button type="submit" className="button primary slim">
        {submitLabel}
      </button>
    </form>
  );
}

/**
 * A modal form: opens on mount, closes with Escape or Cancel (then `onClose`); its fields scroll
 * between the title and the buttons, which stay in view on a 768 px high screen. `wide` lays the
 * fields out in two columns where there is room.
 */
export function AdminDialog({
  title,
  problem,
  error,
  busy,
  submitLabel,
  wide,
  onClose,
  onSubmit,
  children,
}: {
  title: string;
  problem?: ApiError;
  /** A message of the dialog's own, instead of a server problem. */
  error?: string;
  busy?: boolean;
  submitLabel: string;
  wide?: boolean;
  onClose: () => void;
  onSubmit: (e: FormEvent) => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const ids = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`off-dialog off-admin-dialog${wide ? ' wide' : ''}`}
      onClose={onClose}
      aria-labelledby={`${ids}-title`}
    >
      <form onSubmit={onSubmit} noValidate>
        <h2 id={`${ids}-title`}>{title}</h2>
        <div className="off-admin-dialog-body">
          {problem && <ProblemLine problem={problem} />}
          {error && (
            <p className="alert" role="alert">
              {error}
            </p>
          )}
          {children}
        </div>
        <div className="off-dialog-actions">
          <button type="button" className="button secondary slim" onClick={() => ref.current?.close()}>
            {t('officer.cancel')}
          </button>
          <button type="submit" className="button primary slim" disabled={busy}>
            {busy ? t('common.sending') : submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
