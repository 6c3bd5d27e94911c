import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type MessageKey, useI18n } from '../../i18n';
import { Link } from '../../router';
import { ApiError, api } from '../../shared/api';
import { useSession } from '../../shared/session';
import './assistant.css';
import {
  type ChatAction,
  type ChatMessage,
  type ChatSource,
  forgetConversation,
  loadConversation,
  type StoredConversation,
  saveConversation,
} from './conversation-store';

interface Reply {
  conversationId: string;
  answer: string;
  intent: string;
  confident: boolean;
  sources: ChatSource[];
  actions: ChatAction[];
}

/**
 * The assistant's panel (issue 19 point 3): a modal <dialog> (the browser keeps the focus inside and
 * Escape closes it), the conversation as a log the screen reader reads as answers arrive, each
 * answer with its sources and what to do next. Lazy-loaded from AssistantLauncher.
 */
export default function AssistantPanel({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const signedIn = session.status === 'signed-in';
  const dialog = useRef<HTMLDialogElement>(null);
  const end = useRef<HTMLLIElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [conversation, setConversation] = useState<StoredConversation>(loadConversation);
  const [text, setText] = useState('');
  const [lookup, setLookup] = useState({ code: '', phoneLast4: '' });
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    // The dialog opens to ask a question: the focus goes to the question box, not the close button.
    input.current?.focus();
    return () => d?.close();
  }, []);
  useEffect(() => saveConversation(conversation), [conversation]);
  const count = conversation.messages.length;
  useEffect(() => {
    if (count > 0) end.current?.scrollIntoView({ block: 'end' });
  }, [count]);

  const ask = async (question: string, factor?: { code: string; phoneLast4: string }) => {
    if (!question.trim() || sending) return;
    setError(undefined);
    setSending(true);
    const asked: ChatMessage = { from: 'user', text: question.trim() };
    setConversation((c) => ({ ...c, messages: [...c.messages, asked] }));
    try {
      const reply = await api<Reply>('/api/v1/assistant/messages', {
        method: 'POST',
        body: {
          text: question.trim(),
          ...(conversation.conversationId ? { conversationId: conversation.conversationId } : {}),
          ...(factor ? { lookup: factor } : {}),
        },
      });
      const answered: ChatMessage = {
        from: 'assistant',
        text: reply.answer,
        confident: reply.confident,
        intent: reply.intent,
        sources: reply.sources,
        actions: reply.actions,
      };
      setConversation((c) => ({ conversationId: reply.conversationId, messages: [...c.messages, answered] }));
      setText('');
    } catch (e) {
      setConversation((c) => ({ ...c, messages: c.messages.filter((m) => m !== asked) }));
      setError(e instanceof ApiError && e.status === 429 ? t('assistant.tooMany') : t('assistant.failed'));
    } finally {
      setSending(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void ask(text);
  };
  const submitLookup = (e: FormEvent) => {
    e.preventDefault();
    const factor = { code: lookup.code.trim(), phoneLast4: lookup.phoneLast4.trim() };
    void ask(t('assistant.lookupQuestion', { code: factor.code }), factor).then(() => setLookup({ code: '', phoneLast4: '' }));
  };
  const restart = () => {
    forgetConversation();
    setConversation({ messages: [] });
  };

  const last = conversation.messages.at(-1);
  const wantsFactor = last?.from === 'assistant' && last.intent === 'status' && !last.confident;
  const fieldLabel = (field: string) => {
    const key = `assistant.field.${field.startsWith('faq:') ? 'faq' : field}` as MessageKey;
    const label = t(key);
    return label === key ? field : label;
  };
  const hrefOf = (href: string) => (href.startsWith('/nop/') && !signedIn ? `/dang-nhap?next=${encodeURIComponent(href)}` : href);

  return (
    <dialog ref={dialog} className="assistant-panel" aria-labelledby="assistant-title" onClose={onClose}>
      <header className="assistant-head">
        <h2 id="assistant-title">{t('assistant.title')}</h2>
        <button type="button" className="assistant-close" onClick={onClose} aria-label={t('assistant.close')}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <p className="assistant-lead">
        {t('assistant.lead')} {t('assistant.answersInVietnamese')}
      </p>
      <div className="assistant-log" role="log" aria-live="polite" aria-label={t('assistant.log')}>
        <ol>
          {conversation.messages.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: messages are only appended; the index is their identity
            <li key={i} className={`assistant-msg ${m.from}`} ref={i === count - 1 ? end : undefined}>
              <span className="visually-hidden">{m.from === 'user' ? t('assistant.you') : t('assistant.bot')}: </span>
              <p className="assistant-text" lang={m.from === 'assistant' ? 'vi' : undefined}>
                {m.text}
              </p>
              {m.from === 'assistant' && m.confident === false && m.intent !== 'status' && (
                <p className="assistant-unsure">{t('assistant.unsure')}</p>
              )}
              {m.sources && m.sources.length > 0 && (
                <p className="assistant-sources">
                  {t('assistant.sources')}:{' '}
                  {m.sources
                    .map((s) =>
                      s.procedureCode
                        ? t('assistant.source', { code: s.procedureCode, field: fieldLabel(s.field) })
                        : t('assistant.sourceGeneral', { field: fieldLabel(s.field) }),
                    )
                    .join('; ')}
                </p>
              )}
              {m.actions && m.actions.length > 0 && (
                <ul className="assistant-actions">
                  {m.actions.map((a) => (
                    <li key={a.href}>
                      {a.href.startsWith('/') ? (
                        <Link href={hrefOf(a.href)} onClick={onClose} lang="vi">
                          {a.label}
                        </Link>
                      ) : (
                        <a href={a.href} lang="vi">
                          {a.label}
                        </a>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </div>
      {sending && (
        <p className="muted" role="status">
          {t('assistant.thinking')}
        </p>
      )}
      {error && (
        <p className="assistant-error" role="alert">
          {error}
        </p>
      )}
      {wantsFactor && (
        <form className="assistant-lookup" onSubmit={submitLookup}>
          <fieldset>
            <legend>{t('assistant.lookupTitle')}</legend>
            <label htmlFor="assistant-code">{t('assistant.lookupCode')}</label>
            <input
              id="assistant-code"
              value={lookup.code}
              onChange={(e) => setLookup({ ...lookup, code: e.target.value })}
              autoComplete="off"
              required
            />
            <label htmlFor="assistant-last4">{t('assistant.lookupPhone')}</label>
            <input
              id="assistant-last4"
              value={lookup.phoneLast4}
              onChange={(e) => setLookup({ ...lookup, phoneLast4: e.target.value.replace(/\D/g, '').slice(0, 4) })}
              inputMode="numeric"
              pattern="\d{4}"
              autoComplete="off"
              required
            />
            <button type="submit" className="button secondary" disabled={sending}>
              {t('assistant.lookupSend')}
            </button>
          </fieldset>
        </form>
      )}
      <form className="assistant-ask" onSubmit={submit}>
        <label htmlFor="assistant-question">{t('assistant.question')}</label>
        <div className="assistant-row">
          <input
            id="assistant-question"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('assistant.placeholder')}
            maxLength={1000}
            autoComplete="off"
            enterKeyHint="send"
            ref={input}
          />
          <button type="submit" className="button primary" disabled={sending || !text.trim()}>
            {t('assistant.send')}
          </button>
        </div>
      </form>
      {count > 0 && (
        <button type="button" className="assistant-new" onClick={restart}>
          {t('assistant.new')}
        </button>
      )}
    </dialog>
  );
}
