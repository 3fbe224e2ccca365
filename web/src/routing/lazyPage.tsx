import { Component, lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { useLocation } from "react-router";
import { ErrorNotice, Loading } from "../components/Status";

/** The code of a lazily loaded page did not arrive (offline, a dropped connection, a new release). */
export class PageLoadError extends Error {
  override name = "PageLoadError";
}

/** How to load each page that failed, afresh: React.lazy keeps a failed import for good. */
const retries = new Set<() => void>();

/**
 * A page whose code is loaded on first use, as React.lazy does, except that a failed load can be
 * tried again (`LazyArea`'s Try again) instead of failing for as long as the tab stays open.
 */
export function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  const attempt = () =>
    lazy(() =>
      load().then(
        (page) => ({ default: page }),
        (cause: unknown) => {
          retries.add(retry);
          throw new PageLoadError("The page's code could not be loaded.", { cause });
        },
      ),
    );
  let Current = attempt();
  const retry = () => {
    Current = attempt();
  };
  function LazyPage() {
    return <Current />;
  }
  return LazyPage;
}

function retryFailedPages() {
  for (const retry of [...retries]) retry();
  retries.clear();
}

/**
 * Where lazily loaded pages render: a loading notice while their code arrives and, if it does not
 * (or the page fails to render), a message with Try again rather than a spinner for ever or an
 * empty screen. Following a link elsewhere clears the message.
 */
export function LazyArea({ loading, children }: { loading: string; children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <PageErrorBoundary pathname={pathname}>
      <Suspense fallback={<Loading label={loading} />}>{children}</Suspense>
    </PageErrorBoundary>
  );
}

interface BoundaryState {
  failed: boolean;
  error?: unknown;
  /** The page shown when it failed. */
  pathname: string;
}

class PageErrorBoundary extends Component<{ pathname: string; children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failed: false, pathname: this.props.pathname };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { failed: true, error };
  }

  static getDerivedStateFromProps(
    props: { pathname: string },
    state: BoundaryState,
  ): Partial<BoundaryState> | null {
    return props.pathname === state.pathname
      ? null
      : { failed: false, error: undefined, pathname: props.pathname };
  }

  private readonly tryAgain = () => {
    retryFailedPages();
    this.setState({ failed: false, error: undefined });
  };

  override render() {
    if (!this.state.failed) return this.props.children;
    const message =
      this.state.error instanceof PageLoadError
        ? "This page could not be loaded. Check your connection and try again."
        : "Something went wrong showing this page. Try again, or reload the page.";
    return (
      <section className="page narrow">
        <ErrorNotice error={message} retry={this.tryAgain} />
      </section>
    );
  }
}
