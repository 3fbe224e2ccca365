import { NavLink, Outlet } from "react-router";
import { SignInRequired } from "../components/Layout";
import { Loading } from "../components/Status";
import { LazyArea } from "../routing/lazyPage";
import { useSession } from "../session/SessionProvider";

/**
 * The admin area, for ADMIN users only. Hiding it is a courtesy: the subgraphs refuse admin
 * operations to anyone else whatever the app shows.
 */
export function AdminLayout() {
  const { user, state } = useSession();
  if (state.status === "restoring") return <Loading label="Signing you in…" />;
  if (!user) return <SignInRequired what="manage the shop" />;
  if (user.role !== "ADMIN") {
    return (
      <section className="page narrow">
        <h1>Not allowed</h1>
        <p role="alert">This area is for shop administrators only.</p>
      </section>
    );
  }
  return (
    <div className="admin">
      <nav aria-label="Admin" className="admin-nav">
        <ul>
          <li>
            <NavLink to="/admin" end>
              Products and stock
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/shipments">Shipments</NavLink>
          </li>
        </ul>
      </nav>
      {/* Each admin page's code loads under the admin navigation, which stays. */}
      <LazyArea loading="Loading…">
        <Outlet />
      </LazyArea>
    </div>
  );
}
