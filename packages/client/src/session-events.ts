// Session changes, told to this client's listeners and, through a BroadcastChannel, to every other client of
// the same API in this browser (other tabs): a sign-out in one tab signs every tab out of the UI.
import type { SignedIn } from './types.ts';

export type SessionChangeEvent =
  | { event: 'signed_in'; session: SignedIn }
  /** The same session with a new active organization (organizations.switch). */
  | { event: 'session_updated'; session: SignedIn }
  /** `expired`: the API answered 401 `unauthorized` to a client that was signed in. */
  | { event: 'signed_out'; reason: 'sign_out' | 'expired'; session: null };

export type SessionChangeListener = (change: SessionChangeEvent) => void;

/** The part of the DOM's BroadcastChannel used here (the repository type-checks with the Workers types). */
interface Channel {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((message: { data: SessionChangeEvent }) => void) | null;
  unref?: () => void;
}
declare const BroadcastChannel: (new (name: string) => Channel) | undefined;

export interface SessionEvents {
  emit(change: SessionChangeEvent): void;
  subscribe(listener: SessionChangeListener): () => void;
  close(): void;
}

/**
 * `onReceive` runs first for changes from other tabs (the client drops its cached access token). The channel is
 * opened on first use only, and unref'd where the runtime allows (Node), so an idle client keeps nothing alive;
 * `channelName` false: no channel, this client's listeners only.
 */
export function sessionEvents(channelName: string | false, onReceive: (change: SessionChangeEvent) => void): SessionEvents {
  const listeners = new Set<SessionChangeListener>();
  let channel: Channel | undefined;
  const notify = (change: SessionChangeEvent) => {
    for (const listener of listeners) listener(change);
  };
  const open = () => {
    if (channel || channelName === false || typeof BroadcastChannel === 'undefined') return channel;
    channel = new BroadcastChannel(channelName);
    channel.unref?.();
    channel.onmessage = (message) => {
      onReceive(message.data);
      notify(message.data);
    };
    return channel;
  };
  return {
    emit(change) {
      // Another tab's page needs the user and organization, never this tab's bearer token.
      const shared = change.session ? { ...change, session: withoutToken(change.session) } : change;
      open()?.postMessage(shared);
      notify(change);
    },
    subscribe(listener) {
      open();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel?.close();
      channel = undefined;
    },
  };
}

function withoutToken(session: SignedIn): SignedIn {
  const { session_token: _, ...rest } = session;
  return rest;
}
