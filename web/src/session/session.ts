import type { SessionFieldsFragment, ViewerFragment } from "../graphql/generated/graphql";
import { refreshTokenStorage } from "./storage";

export type SessionState =
  /** A refresh token from an earlier visit is being exchanged for an access token. */
  | { status: "restoring" }
  | { status: "guest"; notice?: string }
  | { status: "signed-in"; user: ViewerFragment };

/** Exchanges a refresh token for a new session; throws SessionEnded when the server refuses it. */
export type Refresher = (refreshToken: string) => Promise<SessionFieldsFragment>;

/** The server refused the refresh token (revoked, reused or expired): the user must sign in again. */
export class SessionEnded extends Error {
  override name = "SessionEnded";
}

/** Refresh this long before the access token expires (capped to a quarter of its lifetime). */
const REFRESH_MARGIN_MS = 60_000;
/** A token this close to expiry is refreshed before it is sent rather than sent to fail. */
const MIN_REMAINING_MS = 3_000;

/**
 * The signed-in session: the access token in memory only, the refresh token in localStorage.
 * Refreshes are single-flight within the page and serialised across tabs with a Web Lock, because
 * refresh tokens are single-use: two concurrent refreshes with the same token would look like
 * token theft to the server, which then revokes the whole session.
 */
export class Session {
  private state: SessionState;
  private accessToken: string | undefined;
  private expiresAt = 0;
  private refreshing: Promise<boolean> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  /** Set once the GraphQL client exists (it is built with this session). */
  refresher: Refresher | undefined;
  /** Told when the user signs in or out, e.g. to reconnect the WebSocket as the new user. */
  onIdentityChange: (() => void) | undefined;

  constructor() {
    this.state = refreshTokenStorage.get() ? { status: "restoring" } : { status: "guest" };
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionState => this.state;

  get user(): ViewerFragment | undefined {
    return this.state.status === "signed-in" ? this.state.user : undefined;
  }

  /** Called once at start-up: a stored refresh token signs the user back in. */
  async restore(): Promise<void> {
    if (this.state.status !== "restoring") return;
    const ok = await this.refresh();
    if (!ok && this.state.status === "restoring") this.setState({ status: "guest" });
  }

  /** After sign-in, registration or a refresh. */
  begin(session: SessionFieldsFragment): void {
    const previousUserId = this.user?.id;
    this.accessToken = session.accessToken;
    this.expiresAt = Date.parse(session.accessTokenExpiresAt);
    refreshTokenStorage.set(session.refreshToken);
    this.scheduleRefresh();
    this.setState({ status: "signed-in", user: session.user });
    if (previousUserId !== session.user.id) this.onIdentityChange?.();
  }

  /** Forgets the session on this device (the caller revokes it at the server first). */
  end(notice?: string): void {
    const wasSignedIn = this.accessToken !== undefined;
    this.accessToken = undefined;
    this.expiresAt = 0;
    clearTimeout(this.timer);
    refreshTokenStorage.set(null);
    this.setState(notice ? { status: "guest", notice } : { status: "guest" });
    if (wasSignedIn) this.onIdentityChange?.();
  }

  get refreshToken(): string | null {
    return refreshTokenStorage.get();
  }

  /** The access token to send, refreshed first when it is about to expire; undefined for guests. */
  async validAccessToken(): Promise<string | undefined> {
    if (this.state.status === "restoring") await this.refresh();
    if (!this.accessToken) return undefined;
    if (this.expiresAt - Date.now() < MIN_REMAINING_MS) await this.refresh();
    return this.accessToken;
  }

  /** Renews the access token; false when there is no session any more (or the network failed). */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.refreshUnderLock().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refreshUnderLock(): Promise<boolean> {
    const run = async () => {
      // Read inside the lock: another tab may have rotated the token meanwhile.
      const refreshToken = refreshTokenStorage.get();
      if (!refreshToken || !this.refresher) {
        if (this.accessToken) this.end("Your session has ended. Please sign in again.");
        return false;
      }
      try {
        this.begin(await this.refresher(refreshToken));
        return true;
      } catch (error) {
        if (error instanceof SessionEnded) {
          this.end(this.accessToken ? "Your session has ended. Please sign in again." : undefined);
        }
        // A network failure keeps the session: the next request tries again.
        return false;
      }
    };
    return typeof navigator !== "undefined" && navigator.locks
      ? navigator.locks.request("storefront.refresh", run)
      : run();
  }

  private scheduleRefresh(): void {
    clearTimeout(this.timer);
    const lifetime = this.expiresAt - Date.now();
    const margin = Math.min(REFRESH_MARGIN_MS, lifetime / 4);
    this.timer = setTimeout(() => void this.refresh(), Math.max(0, lifetime - margin));
  }

  private setState(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
