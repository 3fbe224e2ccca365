import { ApolloProvider } from "@apollo/client/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./App";
import { createStorefrontClient } from "./apollo/client";
import { Session } from "./session/session";
import { SessionProvider } from "./session/SessionProvider";
import "./styles.css";

const session = new Session();
const client = createStorefrontClient(session);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <SessionProvider session={session}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </SessionProvider>
    </ApolloProvider>
  </StrictMode>,
);
