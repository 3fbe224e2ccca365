# The storefront: a static build served by nginx, which also proxies /graphql (HTTP and
# WebSocket) to the router so the browser talks to one origin.
# Build from the repository root:  docker build -f deploy/docker/web.Dockerfile --build-arg VITE_API_KEY=… -t storefront-web .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund --ignore-scripts
ARG VITE_API_KEY
ENV VITE_API_KEY=${VITE_API_KEY}
RUN npm run build -w @storefront/web

FROM nginxinc/nginx-unprivileged:1.27-alpine
COPY deploy/docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/web/dist /usr/share/nginx/html
