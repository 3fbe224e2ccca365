import { describe, expect, it } from "vitest";
import type { Viewer } from "./auth";
import { assertOwnerOrAdmin, canSee, isAdmin, isOwnerOrAdmin } from "./visibility";

const viewer = (userId: string, role: Viewer["role"] = "CUSTOMER"): Viewer => ({
  userId,
  role,
  expiresAt: Math.floor(Date.now() / 1000) + 600,
  sessionId: "session",
});
const owner = viewer("u-owner");
const stranger = viewer("u-stranger");
const admin = viewer("u-admin", "ADMIN");

/** What a caller gets from a guard: the viewer, or the thrown error's code and message. */
function outcome(run: () => Viewer) {
  try {
    return { viewer: run().userId };
  } catch (error) {
    const { message, extensions } = error as { message: string; extensions: { code: string } };
    return { code: extensions.code, message };
  }
}

describe("the owner-or-admin rule", () => {
  it("admits the owner and administrators, and nobody else", () => {
    expect(isOwnerOrAdmin(owner, "u-owner")).toBe(true);
    expect(isOwnerOrAdmin(admin, "u-owner")).toBe(true);
    expect(isOwnerOrAdmin(stranger, "u-owner")).toBe(false);
    expect(isOwnerOrAdmin(undefined, "u-owner")).toBe(false);
  });

  it("a thing with no owner is for administrators only, never for a viewer whose id is missing too", () => {
    expect(isOwnerOrAdmin(owner, null)).toBe(false);
    expect(isOwnerOrAdmin(owner, undefined)).toBe(false);
    expect(isOwnerOrAdmin({ ...owner, userId: "" }, "")).toBe(false);
    expect(isOwnerOrAdmin(admin, null)).toBe(true);
  });

  it("tells administrators apart by role, not by id", () => {
    expect(isAdmin(admin)).toBe(true);
    expect(isAdmin(owner)).toBe(false);
    expect(isAdmin(undefined)).toBe(false);
    expect(isAdmin(viewer("u-admin"))).toBe(false);
  });

  it("for a request, platform services see everything; guests nothing", () => {
    expect(canSee({ viewer: undefined, internalCaller: true }, "u-owner")).toBe(true);
    expect(canSee({ viewer: undefined, internalCaller: false }, "u-owner")).toBe(false);
    expect(canSee({ viewer: stranger, internalCaller: false }, "u-owner")).toBe(false);
    expect(canSee({ viewer: owner, internalCaller: false }, "u-owner")).toBe(true);
    expect(canSee({ viewer: admin, internalCaller: false }, "u-owner")).toBe(true);
  });

  it("as a guard: UNAUTHENTICATED for a guest, FORBIDDEN with the site's message for anyone else", () => {
    const message = "Only this user and administrators can see these orders.";
    expect(outcome(() => assertOwnerOrAdmin(owner, "u-owner", message))).toEqual({ viewer: "u-owner" });
    expect(outcome(() => assertOwnerOrAdmin(admin, "u-owner", message))).toEqual({ viewer: "u-admin" });
    expect(outcome(() => assertOwnerOrAdmin(stranger, "u-owner", message))).toEqual({
      code: "FORBIDDEN",
      message,
    });
    expect(outcome(() => assertOwnerOrAdmin(undefined, "u-owner", message))).toEqual({
      code: "UNAUTHENTICATED",
      message: "You must be signed in to do this.",
    });
    expect(outcome(() => assertOwnerOrAdmin(stranger, "u-owner"))).toEqual({
      code: "FORBIDDEN",
      message: "You are not allowed to do this.",
    });
  });
});
