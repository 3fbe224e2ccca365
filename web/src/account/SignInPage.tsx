import { SignInForm } from "./AuthForm";

export function SignInPage() {
  return (
    <section className="page narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      <p>Your cart comes with you: anything you added as a guest is kept.</p>
      <SignInForm />
    </section>
  );
}
