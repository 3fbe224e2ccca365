import { useQuery } from "@apollo/client/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, NavLink, Outlet, useLocation, useNavigate, useSearchParams } from "react-router";
import { CartDocument } from "../graphql/generated/graphql";
import { useSession } from "../session/SessionProvider";

export function Layout() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const { state } = useSession();

  // Moving focus to the new page's content tells keyboard and screen-reader users the page changed.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader />
      {state.status === "guest" && state.notice && (
        <div className="notice notice-info site-notice" role="status">
          {state.notice}
        </div>
      )}
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>Storefront demo — prices in the shop&apos;s currency, test cards only.</p>
      </footer>
    </>
  );
}

function SiteHeader() {
  const { user, signOut } = useSession();
  // Remounted when the URL's query changes (e.g. going back), so the box shows it.
  const searchQuery = useSearchParams()[0].get("q") ?? "";
  const { pathname } = useLocation();
  // The phone menu is open on the page where it was opened: following a link closes it.
  const [openOn, setOpenOn] = useState<string>();
  const menuOpen = openOn === pathname;
  const setMenuOpen = (toggle: (open: boolean) => boolean) =>
    setOpenOn(toggle(menuOpen) ? pathname : undefined);

  return (
    <header className="site-header">
      <div className="site-header-bar">
        <Link to="/" className="brand">
          Storefront
        </Link>
        <SearchBox key={searchQuery} initialQuery={searchQuery} />
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="site-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
      </div>
      <nav id="site-nav" aria-label="Main" className={menuOpen ? "site-nav open" : "site-nav"}>
        <ul>
          <li>
            <NavLink to="/search">Shop</NavLink>
          </li>
          <li>
            <CartLink />
          </li>
          {user && (
            <li>
              <NavLink to="/orders">Orders</NavLink>
            </li>
          )}
          {user && (
            <li>
              <NavLink to="/account">Account</NavLink>
            </li>
          )}
          {user?.role === "ADMIN" && (
            <li>
              <NavLink to="/admin">Admin</NavLink>
            </li>
          )}
          {user ? (
            <li>
              <button type="button" className="link-button" onClick={() => void signOut()}>
                Sign out <span className="visually-hidden">({user.name})</span>
              </button>
            </li>
          ) : (
            <>
              <li>
                <NavLink to="/sign-in">Sign in</NavLink>
              </li>
              <li>
                <NavLink to="/register">Register</NavLink>
              </li>
            </>
          )}
        </ul>
      </nav>
    </header>
  );
}

function CartLink() {
  const { data } = useQuery(CartDocument);
  const count = data?.cart?.itemCount ?? 0;
  return (
    <NavLink to="/cart">
      Cart{" "}
      <span className="badge" aria-label={`${count} item${count === 1 ? "" : "s"}`}>
        {count}
      </span>
    </NavLink>
  );
}

/** The site-wide search: a fresh search over the whole shop (the search page refines it). */
function SearchBox({ initialQuery }: { initialQuery: string }) {
  const navigate = useNavigate();
  const [query, setQuery] = useState(initialQuery);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = query.trim();
    void navigate(trimmed ? `/search?${new URLSearchParams({ q: trimmed }).toString()}` : "/search");
  };
  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <label htmlFor="site-search" className="visually-hidden">
        Search products
      </label>
      <input
        id="site-search"
        type="search"
        placeholder="Search products"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <button type="submit">Search</button>
    </form>
  );
}

export function NotFound() {
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p>
        <Link to="/">Back to the shop</Link>
      </p>
    </section>
  );
}

/** Shown instead of a page that needs a signed-in user; offers to sign in and come back. */
export function SignInRequired({ what }: { what: string }) {
  const { pathname, search } = useLocation();
  const next = encodeURIComponent(pathname + search);
  return (
    <section className="page narrow">
      <h1>Sign in to {what}</h1>
      <p>
        <Link className="button" to={`/sign-in?next=${next}`}>
          Sign in
        </Link>{" "}
        or <Link to={`/register?next=${next}`}>create an account</Link>.
      </p>
    </section>
  );
}
