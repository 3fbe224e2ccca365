import { useApolloClient } from "@apollo/client/react";
import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import {
  LogoutDocument,
  MergeGuestCartDocument,
  type SessionFieldsFragment,
  type ViewerFragment,
} from "../graphql/generated/graphql";
import type { Session, SessionState } from "./session";
import { cartTokenStorage } from "./storage";

interface SessionActions {
  state: SessionState;
  user: ViewerFragment | undefined;
  /** Starts a session from a sign-in or registration, bringing the guest cart along. */
  signedIn: (session: SessionFieldsFragment) => Promise<void>;
  signOut: () => Promise<void>;
  /** Set when the guest cart could not be merged on sign-in (it is kept for another try). */
  mergeProblem: string | undefined;
}

const SessionContext = createContext<SessionActions | null>(null);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  const client = useApolloClient();
  const state = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const [mergeProblem, setMergeProblem] = useState<string>();

  useEffect(() => {
    void session.restore();
  }, [session]);

  const signedIn = useCallback(
    async (started: SessionFieldsFragment) => {
      session.begin(started);
      const cartToken = cartTokenStorage.get();
      if (cartToken) {
        try {
          await client.mutate({ mutation: MergeGuestCartDocument, variables: { cartToken } });
          // The guest cart is MERGED now and its token is dead: forget it.
          cartTokenStorage.set(null);
          setMergeProblem(undefined);
        } catch {
          setMergeProblem(
            "Your basket from before you signed in could not be added yet. Sign in again to retry.",
          );
        }
      }
      // Everything cached so far was read as a guest.
      await client.resetStore().catch(() => undefined);
    },
    [client, session],
  );

  const signOut = useCallback(async () => {
    const refreshToken = session.refreshToken;
    if (refreshToken) {
      await client
        .mutate({ mutation: LogoutDocument, variables: { refreshToken }, context: { anonymous: true } })
        .catch(() => {
          // Signed out on this device regardless; the refresh token expires on its own.
        });
    }
    session.end();
    await client.resetStore().catch(() => undefined);
  }, [client, session]);

  const value = useMemo(
    () => ({
      state,
      user: state.status === "signed-in" ? state.user : undefined,
      signedIn,
      signOut,
      mergeProblem,
    }),
    [state, signedIn, signOut, mergeProblem],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionActions {
  const value = use(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}
