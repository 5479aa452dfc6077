// The desk's watch-list alert (V-6): an alarm and a decision — admit anyway, or do not admit.
import { Input } from 'antd';
import type { HookAPI } from 'antd/es/modal/useModal';
import type { TFunction } from 'i18next';
import { alarm } from '../../ui/sound';
import type { WatchMatch } from '../../../../shared/contract/visitors';

export function WatchMatches({ matches, t }: { matches: WatchMatch[]; t: TFunction }) {
  return (
    <div data-testid="watch-matches">
      <div>{t('visitors:watch.matched')}</div>
      <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
        {matches.map((m) => (
          <li key={m.entryId}>
            {t('visitors:paren', { text: m.reason, note: m.fields.map((f) => t(`visitors:watch.fields.${f}`)).join(t('visitors:watch.separator')) })}
            {m.fields.length === 1 && m.fields[0] === 'name' && t('visitors:watch.nameOnly')}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * 不予放行 needs a reason (V-6): asked right after the refusal; resolves the reason, or null when the receptionist
 * steps back (nothing is recorded then).
 */
export function askRefusalReason(modal: HookAPI, t: TFunction, initial: string): Promise<string | null> {
  let reason = initial;
  return new Promise((resolve) => {
    modal.confirm({
      title: t('visitors:watch.refuseTitle'),
      content: (
        <Input.TextArea
          autoFocus
          rows={2}
          maxLength={200}
          defaultValue={initial}
          onChange={(e) => (reason = e.target.value)}
          placeholder={t('visitors:watch.refuseReason')}
          data-testid="refuse-reason"
        />
      ),
      okText: t('visitors:watch.refuse'),
      okButtonProps: { danger: true, 'data-testid': 'refuse-submit' } as never,
      cancelText: t('common:cancel'),
      cancelButtonProps: { 'data-testid': 'refuse-cancel' } as never,
      onOk: () => {
        if (!reason.trim()) return Promise.reject(new Error('reason'));
        resolve(reason.trim());
        return undefined;
      },
      onCancel: () => resolve(null),
    });
  });
}

/** Resolves true when the receptionist admits the visitor anyway. */
export function confirmDespiteWatchList(modal: HookAPI, matches: WatchMatch[], t: TFunction): Promise<boolean> {
  alarm();
  return new Promise((resolve) => {
    modal.confirm({
      title: t('visitors:watch.title'),
      content: <WatchMatches matches={matches} t={t} />,
      okText: t('visitors:watch.admitAnyway'),
      okButtonProps: { danger: true, 'data-testid': 'watch-admit' } as never,
      cancelText: t('visitors:watch.refuse'),
      cancelButtonProps: { 'data-testid': 'watch-refuse' } as never,
      autoFocusButton: 'cancel',
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}
