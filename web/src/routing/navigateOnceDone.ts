import { useCallback } from "react";
import { useNavigate, type NavigateOptions, type To } from "react-router";

/** The history entry the browser is on (BrowserRouter gives every entry its own key). */
function currentEntry(): string {
  const state = window.history.state as { key?: string } | null;
  return `${state?.key ?? ""} ${window.location.href}`;
}

/**
 * For moving on once something the user waits for is done (signing in, placing an order, creating
 * a product). Call it as the wait starts; the navigation it returns happens only if the user is
 * still on the page they were on then. React Router's `navigate` works even after its page has
 * gone, so without this someone who followed a link meanwhile is pulled back when the wait ends.
 */
export function useNavigateOnceDone(): () => (to: To, options?: NavigateOptions) => void {
  const navigate = useNavigate();
  return useCallback(() => {
    const startedOn = currentEntry();
    return (to, options) => {
      if (currentEntry() === startedOn) void navigate(to, options);
    };
  }, [navigate]);
}
