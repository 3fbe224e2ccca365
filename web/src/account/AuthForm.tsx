import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { fieldError, fieldErrorsOf } from "../apollo/errors";
import { Field } from "../components/Field";
import { ErrorNotice } from "../components/Status";
import { LoginDocument, RegisterDocument } from "../graphql/generated/graphql";
import { useSession } from "../session/SessionProvider";
import { formRawText, formText } from "../components/form";
import { useNavigateOnceDone } from "../routing/navigateOnceDone";

/** Only same-site paths, so a crafted `?next=` cannot send the user elsewhere after sign-in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function SignInForm() {
  return <AuthForm mode="sign-in" />;
}

export function RegisterForm() {
  return <AuthForm mode="register" />;
}

function AuthForm({ mode }: { mode: "sign-in" | "register" }) {
  const [login] = useMutation(LoginDocument);
  const [register] = useMutation(RegisterDocument);
  const { signedIn } = useSession();
  const navigateOnceDone = useNavigateOnceDone();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>();
  const [fields, setFields] = useState<Record<string, string>>({});

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const moveOn = navigateOnceDone();
    const form = new FormData(event.currentTarget);
    const email = formText(form, "email");
    // As typed: spaces at either end are part of a password (the server does not trim them).
    const password = formRawText(form, "password");
    setBusy(true);
    setProblem(undefined);
    setFields({});
    try {
      const { data } = await (mode === "register"
        ? register({ variables: { input: { email, password, name: formText(form, "name") } } }).then((r) => ({
            data: r.data?.register,
          }))
        : login({ variables: { input: { email, password } } }).then((r) => ({ data: r.data?.login })));
      if (data?.__typename === "AuthError") {
        setProblem(
          data.code === "TOO_MANY_ATTEMPTS" && data.retryAfterSeconds
            ? `${data.message} Try again in ${Math.ceil(data.retryAfterSeconds / 60)} minute(s).`
            : data.message,
        );
      } else if (data) {
        await signedIn(data);
        moveOn(next, { replace: true });
      }
    } catch (error) {
      setFields(fieldErrorsOf(error));
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const registering = mode === "register";
  return (
    <form className="auth-form" onSubmit={(event) => void submit(event)} noValidate={false}>
      {registering && (
        <Field label="Name" name="name" autoComplete="name" required error={fieldError(fields, "name")} />
      )}
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={fieldError(fields, "email")}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete={registering ? "new-password" : "current-password"}
        minLength={registering ? 12 : undefined}
        required
        hint={registering ? "At least 12 characters." : undefined}
        error={fieldError(fields, "password")}
      />
      {problem !== undefined && <ErrorNotice error={problem} />}
      <button type="submit" disabled={busy}>
        {busy ? "Please wait…" : registering ? "Create account" : "Sign in"}
      </button>
      <p>
        {registering ? (
          <>
            Already have an account? <Link to={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
          </>
        ) : (
          <>
            New here? <Link to={`/register?next=${encodeURIComponent(next)}`}>Create an account</Link>
          </>
        )}
      </p>
    </form>
  );
}
