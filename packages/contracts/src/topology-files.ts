/**
 * The files that cannot read the topology themselves (the Kubernetes Deployments, the dev
 * overlay, the Compose file), rendered from it. They are build outputs, not sources: git ignores
 * them (deploy/.gitignore) and `npm run topology -w @storefront/contracts` writes them before a
 * deployment, so a subgraph added to the topology changes no committed deployment file.
 * `test/topology.test.ts` holds every rendering to the topology; deploy/test reads them as
 * kubectl and Compose would.
 */
import {
  byServiceName,
  callersOf,
  locatorsOf,
  router,
  subgraphList,
  tokenIssuer,
  usesBroker,
  web,
  type Subgraph,
} from "./topology";

const command = "npm run topology -w @storefront/contracts";
const header = (comment: string) =>
  `# Generated from packages/contracts/src/topology.ts by \`${command}\`; do not edit.\n${comment
    .trim()
    .split("\n")
    .map((line) => `# ${line}`.trimEnd())
    .join("\n")}\n`;

/** The secrets a service's container takes, by variable: [Secret name, key]. */
export function secretsOf(service: string): Record<string, [string, string]> {
  if (service === "router") return { REDIS_URL: ["storefront-redis", "url"] };
  const s = subgraphList.find((entry) => entry.name === service)!;
  return {
    [s.databaseUrlVariable]: ["storefront-databases", s.name],
    ...(s.verifiesTokens ? { SERVICE_TOKEN: ["storefront-service-token", "token"] } : {}),
    ...(usesBroker(s) ? { AMQP_URL: ["storefront-broker", "url"] } : {}),
  };
}

const indent = (text: string, spaces: number) =>
  text
    .split("\n")
    .map((line) => (line ? " ".repeat(spaces) + line : line))
    .join("\n");

function envList(values: Record<string, string>, secrets: Record<string, [string, string]>): string {
  const plain = Object.entries(values).map(([name, value]) => `- name: ${name}\n  value: "${value}"`);
  const secret = Object.entries(secrets).map(
    ([name, [secretName, key]]) =>
      `- name: ${name}\n  valueFrom:\n    secretKeyRef:\n      name: ${secretName}\n      key: ${key}`,
  );
  return [...plain, ...secret].join("\n");
}

interface Workload {
  name: string;
  component: "router" | "subgraph";
  port: number;
  metricsPort: number;
  env: Record<string, string>;
  secrets: Record<string, [string, string]>;
  extraLabels: Record<string, string>;
  resources: { cpu: string; memory: string; limit: string };
  extraMounts: string;
  extraVolumes: string;
}

function deployment(w: Workload): string {
  const labels = {
    "app.kubernetes.io/name": w.name,
    "app.kubernetes.io/component": w.component,
    "app.kubernetes.io/part-of": "storefront",
  };
  const labelLines = (extra: Record<string, string>) =>
    Object.entries({ ...labels, ...extra })
      .map(([k, v]) => `${k}: ${v.match(/^(true|false|\d+)$/) ? `"${v}"` : v}`)
      .join("\n");
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${w.name}
  labels:
${indent(labelLines({}), 4)}
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: ${w.name}
  template:
    metadata:
      labels:
${indent(labelLines(w.extraLabels), 8)}
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "${w.metricsPort}"
        prometheus.io/path: /metrics
    spec:
      # Long enough to finish in-flight requests and messages after SIGTERM.
      terminationGracePeriodSeconds: 30
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: ${w.name}
          image: storefront
          env:
${indent(envList(w.env, w.secrets), 12)}
          envFrom:
            - configMapRef:
                name: storefront-config
          ports:
            - name: http
              containerPort: ${w.port}
            # /metrics on a port of its own, reachable only from the monitoring namespace
            # (network-policies.yaml); /health and /ready stay on http for the kubelet.
            - name: metrics
              containerPort: ${w.metricsPort}
          readinessProbe:
            httpGet:
              path: /ready
              port: http
            periodSeconds: 5
          livenessProbe:
            httpGet:
              path: /health
              port: http
            periodSeconds: 10
            failureThreshold: 3
          resources:
            requests:
              cpu: ${w.resources.cpu}
              memory: ${w.resources.memory}
            limits:
              memory: ${w.resources.limit}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
          volumeMounts:
            # tsx keeps its compile cache in the temporary directory.
            - name: tmp
              mountPath: /tmp
${w.extraMounts}      volumes:
        - name: tmp
          emptyDir: {}
${w.extraVolumes}---
apiVersion: v1
kind: Service
metadata:
  name: ${w.name}
  labels:
    app.kubernetes.io/name: ${w.name}
    app.kubernetes.io/part-of: storefront
spec:
  selector:
    app.kubernetes.io/name: ${w.name}
  ports:
    - name: http
      port: ${w.port}
      targetPort: http
    - name: metrics
      port: ${w.metricsPort}
      targetPort: metrics
---
# A voluntary disruption (node drain, upgrade) takes at most one replica at a time: with the
# production overlay's two or more, never the last one.
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${w.name}
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: ${w.name}
`;
}

function subgraphWorkload(s: Subgraph): Workload {
  return {
    name: s.name,
    component: "subgraph",
    port: s.port,
    metricsPort: s.metricsPort,
    env: {
      SERVICE: s.name,
      [s.portVariable]: String(s.port),
      [s.metricsPortVariable]: String(s.metricsPort),
      ...locatorsOf(s.name, byServiceName),
    },
    secrets: secretsOf(s.name),
    extraLabels: usesBroker(s) ? { "storefront/broker": "true" } : {},
    resources: { cpu: "100m", memory: "192Mi", limit: "512Mi" },
    extraMounts: "",
    extraVolumes: "",
  };
}

const routerWorkload: Workload = {
  name: "router",
  component: "router",
  port: router.port,
  metricsPort: router.metricsPort,
  env: {
    SERVICE: "router",
    ROUTER_PORT: String(router.port),
    ROUTER_METRICS_PORT: String(router.metricsPort),
    // API-key clients (partners, apps): names, key hashes, manifests. Not secret: only hashes.
    CLIENTS_FILE: "/etc/storefront/clients/clients.json",
    ...locatorsOf("router", byServiceName),
  },
  secrets: secretsOf("router"),
  extraLabels: {},
  resources: { cpu: "200m", memory: "256Mi", limit: "1Gi" },
  extraMounts: `            - name: clients
              mountPath: /etc/storefront/clients
              readOnly: true
`,
  extraVolumes: `        - name: clients
          configMap:
            name: storefront-clients
`,
};

function ingressPolicy(s: Subgraph): string {
  const callers = callersOf(s.name);
  const why = callers.map((c) => `${c.service} (${c.why})`).join(", ");
  return `# Who calls ${s.name}: ${why}.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${s.name}-ingress
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: ${s.name}
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchExpressions:
              - key: app.kubernetes.io/name
                operator: In
                values: [${callers.map((c) => c.service).join(", ")}]
      ports:
        - port: http
`;
}

/** deploy/k8s/base/services.yaml: the router's and every subgraph's Deployment, Service, disruption budget and ingress policy. */
export function renderK8sServices(): string {
  const documents = [
    deployment(routerWorkload),
    ...subgraphList.flatMap((s) => [deployment(subgraphWorkload(s)), ingressPolicy(s)]),
  ];
  return (
    header(`The router and every subgraph: Deployment, Service, PodDisruptionBudget, and for a subgraph
the NetworkPolicy that lets in the router and the subgraphs that call it (network-policies.yaml
refuses everything else). Each container gets the URLs of what it calls; credentials come from
the Secrets in deploy/README.md.`) + documents.join("---\n")
  );
}

/** deploy/k8s/overlays/dev/kustomization.yaml: the dev overlay, its databases and throwaway credentials. */
export function renderDevKustomization(): string {
  const databases = subgraphList.map(
    (s) => `      - ${s.name}=postgres://storefront:storefront@postgres:5432/${s.database}`,
  );
  const createDatabases = subgraphList.map((s) => `        CREATE DATABASE ${s.database};`);
  return `${header(`A self-contained cluster for trying the platform: PostgreSQL, RabbitMQ and Redis run in the
namespace with throwaway credentials, one replica of everything, the simulated carrier on.
  kubectl apply -k deploy/k8s/overlays/dev`)}apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: storefront-dev
resources:
  - namespace.yaml
  - ../../base
  - backing-services.yaml
configMapGenerator:
  - name: storefront-config
    behavior: merge
    literals:
      - NODE_ENV=development
      - LOG_LEVEL=debug
      - SIMULATED_CARRIER=true
      - CORS_ORIGINS=http://localhost:${web.port}
  # One database per subgraph, created when PostgreSQL first starts.
  - name: postgres-init
    literals:
      - |-
        databases.sql=${createDatabases.join("\n").trimStart()}
secretGenerator:
  # Development credentials only; production Secrets are created outside the repository.
  - name: storefront-databases
    literals:
${databases.join("\n")}
  - name: storefront-service-token
    literals:
      - token=dev-only-service-token-change-me-0123456789
  - name: storefront-broker
    literals:
      - url=amqp://storefront:storefront@rabbitmq:5672
  - name: storefront-redis
    literals:
      - url=redis://redis:6379
`;
}

function composeService(
  name: string,
  port: number,
  metricsPort: number,
  env: Record<string, string>,
  extra = "",
): string {
  const lines = Object.entries(env).map(
    ([k, v]) => `      ${k}: ${/^[\d]+$|^true$|^false$/.test(v) ? `"${v}"` : v}`,
  );
  return `  ${name}:
    <<: *service
    expose: ["${metricsPort}"]
    labels: { prometheus.io/scrape: "true", prometheus.io/port: "${metricsPort}", prometheus.io/path: /metrics }
    environment:
      <<: *common
${lines.join("\n")}
${extra}`;
}

/** deploy/compose/compose.yaml: the whole platform on one Docker host. */
export function renderCompose(): string {
  const subgraphServices = subgraphList.map((s) =>
    composeService(s.name, s.port, s.metricsPort, {
      SERVICE: s.name,
      [s.portVariable]: String(s.port),
      [s.metricsPortVariable]: String(s.metricsPort),
      [s.databaseUrlVariable]: `postgres://postgres@postgres:5432/${s.database}`,
      ...locatorsOf(s.name, byServiceName),
    }),
  );
  const routerService = composeService(
    "router",
    router.port,
    router.metricsPort,
    {
      SERVICE: "router",
      ROUTER_PORT: String(router.port),
      ROUTER_METRICS_PORT: String(router.metricsPort),
      REDIS_URL: "redis://redis:6379",
      CLIENTS_FILE: "/etc/storefront/clients.json",
      CORS_ORIGINS: `http://localhost:${web.port}`,
      // Every request comes through nginx, which appends the client's address.
      TRUST_PROXY: "true",
      ...locatorsOf("router", byServiceName),
    },
    `    volumes:
      - ./clients.json:/etc/storefront/clients.json:ro
    depends_on:
${[...subgraphList.map((s) => s.name), "redis"].map((name) => `      - ${name}`).join("\n")}
`,
  );
  return `${header(`The whole platform on one Docker host, on real PostgreSQL, RabbitMQ and Redis:
  docker compose -f deploy/compose/compose.yaml up --build
Storefront at http://localhost:${web.port}, graph at http://localhost:${web.port}/graphql (nginx in front of
the router, as the ingress is in Kubernetes; the router itself is not published).
Each service serves /metrics on a port of its own (\`expose\`, never published); its labels tell a
Prometheus on this host (docker_sd_configs) where to scrape.`)}name: storefront

x-service: &service
  build:
    context: ../..
    dockerfile: deploy/docker/Dockerfile
  image: storefront
  restart: unless-stopped
  environment: &common
    LOG_LEVEL: info
    SERVICE_TOKEN: \${SERVICE_TOKEN:-compose-only-service-token-change-me}
    AMQP_URL: amqp://guest:guest@rabbitmq:5672
    SIMULATED_CARRIER: "true"
  depends_on:
    postgres:
      condition: service_healthy
    rabbitmq:
      condition: service_healthy

configs:
  # One database per subgraph, created when PostgreSQL first starts.
  postgres-init:
    content: |
${subgraphList.map((s) => `      CREATE DATABASE ${s.database};`).join("\n")}

services:
  postgres:
    image: postgres:16
    environment:
      POSTGRES_HOST_AUTH_METHOD: trust
    configs:
      - source: postgres-init
        target: /docker-entrypoint-initdb.d/databases.sql
    volumes:
      - postgres:/var/lib/postgresql/data
    healthcheck:
      test: [CMD, pg_isready, -U, postgres]
      interval: 2s
      retries: 30

  rabbitmq:
    image: rabbitmq:3.13-management
    healthcheck:
      test: [CMD, rabbitmq-diagnostics, -q, check_port_connectivity]
      interval: 5s
      retries: 30

  redis:
    image: redis:7-alpine
    command: [redis-server, --save, "", --appendonly, "no"]

${[...subgraphServices, routerService].join("\n")}
  web:
    build:
      context: ../..
      dockerfile: deploy/docker/web.Dockerfile
      args:
        # The storefront's public client name (see clients.json: only its SHA-256 is there).
        VITE_API_KEY: storefront-web
    image: storefront-web
    ports:
      - "${web.port}:${web.port}"
    depends_on:
      - router

volumes:
  postgres:
`;
}

/**
 * The service table, one row per service as the topology has it:
 * `npm run topology -w @storefront/contracts -- --table` prints it. The README does not copy it
 * (that copy would change with every subgraph); it points here.
 */
export function renderServiceTable(): string {
  const code = (values: readonly string[]) =>
    values.length ? values.map((v) => `\`${v}\``).join(", ") : "—";
  const rows = [
    ["service", "port", "metrics", "database", "calls", "publishes", "consumes (queue)", "owns"],
    ["---", "---", "---", "---", "---", "---", "---", "---"],
    [
      "router",
      String(router.port),
      String(router.metricsPort),
      "—",
      "every subgraph",
      "—",
      "—",
      "the public graph: query plans, admission, subscriptions",
    ],
    ...subgraphList.map((s) => [
      s.name,
      String(s.port),
      String(s.metricsPort),
      `\`${s.database}\``,
      [
        ...s.calls,
        ...(s.verifiesTokens && !s.calls.includes(tokenIssuer.name) ? [`${tokenIssuer.name} (JWKS)`] : []),
      ].join(", ") || "—",
      code(s.publishes),
      code(s.consumes.map((c) => c.queue)),
      s.summary,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, i) => (cell.startsWith("---") ? "-".repeat(widths[i]!) : cell.padEnd(widths[i]!))).join(" | ")} |`;
  return rows.map(line).join("\n");
}

/** The files rendered from the topology, relative to the repository root (all git-ignored). */
export function generatedFiles(): Record<string, string> {
  return {
    "deploy/k8s/base/services.yaml": renderK8sServices(),
    "deploy/k8s/overlays/dev/kustomization.yaml": renderDevKustomization(),
    "deploy/compose/compose.yaml": renderCompose(),
  };
}
