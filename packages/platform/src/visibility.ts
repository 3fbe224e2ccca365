import { requireViewer, type Viewer } from "./auth";
import { forbidden } from "./errors";

/**
 * The platform's one rule for private things (an order, a payment, a shipment, a user's private
 * fields): their owner and administrators may see them, nobody else. Every subgraph asks it here
 * rather than comparing roles and ids itself.
 */

/** Whether the caller is a signed-in administrator. */
export function isAdmin(viewer: Viewer | undefined): boolean {
  return viewer?.role === "ADMIN";
}

/**
 * Whether the viewer owns the thing (`ownerId` is its user) or is an administrator. Guests never;
 * a thing without an owner (null or empty id) is for administrators only.
 */
export function isOwnerOrAdmin(viewer: Viewer | undefined, ownerId: string | null | undefined): boolean {
  if (!viewer) return false;
  return isAdmin(viewer) || (!!ownerId && viewer.userId === ownerId);
}

/**
 * The rule for a request: the owner, administrators, and other platform services (calling with
 * the service credential, which act for whoever their own caller was).
 */
export function canSee(
  caller: { viewer: Viewer | undefined; internalCaller: boolean },
  ownerId: string | null | undefined,
): boolean {
  return caller.internalCaller || isOwnerOrAdmin(caller.viewer, ownerId);
}

/**
 * The rule as a guard: a guest gets UNAUTHENTICATED, a signed-in user who is neither the owner
 * nor an administrator FORBIDDEN with `message`. Returns the viewer.
 */
export function assertOwnerOrAdmin(
  viewer: Viewer | undefined,
  ownerId: string | null | undefined,
  message?: string,
): Viewer {
  const signedIn = requireViewer(viewer);
  if (!isOwnerOrAdmin(signedIn, ownerId)) throw forbidden(message);
  return signedIn;
}
