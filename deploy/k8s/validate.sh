#!/usr/bin/env bash
# Builds every kustomization under deploy/k8s (base and overlays) with a real kustomize and
# validates the output, plus the Secret templates, against the Kubernetes OpenAPI schemas
# (validate.mjs says exactly what is checked). Exit status 1 on any invalid manifest.
#
# Tools, pinned, from the registries this project uses:
#  - kustomize: the one built into kubectl of Debian bookworm's kubernetes-client package
#    (kubectl 1.20.2, kustomize v2.0.3), extracted into deploy/k8s/.tools (no system install,
#    so it never clashes with another kubectl);
#  - kubernetes-models 4.5.1 and yaml 2.9.1 from npm (package-lock.json), in deploy/k8s/node_modules;
#    downloads are cached in the user's npm cache only.
# If a kubectl with kustomize v5 is on PATH, the overlays are built with it as well and the two
# outputs compared (only the ConfigMap's hash suffix and empty maps may differ): the overlays use the syntax
# both versions build alike (docs/operations.md, "Kubernetes").
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

KUBERNETES_CLIENT_DEB_VERSION=1.20.5+really1.20.2-1.1+deb12u1
tools="$here/.tools"
kubectl_old="$tools/kubernetes-client-$KUBERNETES_CLIENT_DEB_VERSION/usr/bin/kubectl"

if [ ! -x "$kubectl_old" ]; then
  echo "Fetching Debian package kubernetes-client=$KUBERNETES_CLIENT_DEB_VERSION (for its kustomize)"
  mkdir -p "$tools/download"
  (
    cd "$tools/download"
    if ! apt-get download "kubernetes-client=$KUBERNETES_CLIENT_DEB_VERSION" 2>/dev/null; then
      apt-get update -qq
      apt-get download "kubernetes-client=$KUBERNETES_CLIENT_DEB_VERSION"
    fi
  )
  dpkg-deb -x "$tools/download/kubernetes-client_${KUBERNETES_CLIENT_DEB_VERSION}_$(dpkg --print-architecture).deb" \
    "$tools/kubernetes-client-$KUBERNETES_CLIENT_DEB_VERSION"
  rm -rf "$tools/download"
fi
"$kubectl_old" version --client --short 2>/dev/null || "$kubectl_old" version --client

if ! cmp -s package-lock.json node_modules/.glide-lock 2>/dev/null; then
  npm ci --no-audit --no-fund --prefer-offline --loglevel=error
  cp package-lock.json node_modules/.glide-lock
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
status=0
for dir in base overlays/*/; do
  dir="${dir%/}"
  name="$(echo "$dir" | tr / -)"
  echo "--- $dir"
  if ! "$kubectl_old" kustomize "$dir" >"$out/$name.yaml"; then
    echo "INVALID $dir: kustomize build failed" >&2
    status=1
    continue
  fi
  node validate.mjs "$out/$name.yaml" secrets/*.yaml || status=1
  if command -v kubectl >/dev/null 2>&1 \
     && kubectl version --client 2>/dev/null | grep -q 'Kustomize Version: v5'; then
    kubectl kustomize "$dir" 2>/dev/null >"$out/$name.v5.yaml"
    # v2.0.3 writes empty `labels: {}` / `annotations: {}` on a merged ConfigMap; v5 omits them.
    normalise() { sed -E -e 's/(glide-api-config)-[a-z0-9]{10}/\1-HASH/' -e '/^ +(labels|annotations): \{\}$/d' "$1"; }
    if diff <(normalise "$out/$name.yaml") <(normalise "$out/$name.v5.yaml") >"$out/diff"; then
      echo "kustomize v5 ($(kubectl version --client | sed -n 's/Kustomize Version: //p')) builds the same"
    else
      echo "INVALID $dir: kustomize v5 builds something else:" >&2
      cat "$out/diff" >&2
      status=1
    fi
  fi
done
if [ "$status" -ne 0 ]; then
  echo "deploy/k8s: INVALID (above)" >&2
else
  echo "deploy/k8s: every manifest is valid"
fi
exit "$status"
