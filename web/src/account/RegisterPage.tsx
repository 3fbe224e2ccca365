import { RegisterForm } from "./AuthForm";

export function RegisterPage() {
  return (
    <section className="page narrow" aria-labelledby="register-title">
      <h1 id="register-title">Create an account</h1>
      <p>Your cart comes with you: anything you added as a guest is kept.</p>
      <RegisterForm />
    </section>
  );
}
