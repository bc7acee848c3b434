#!/bin/sh
# real kubectl 1.32 against the stub
KUBECONFIG=/dev/null exec /usr/lib/google-cloud-sdk/bin/kubectl.1.32 --server=http://127.0.0.1:18080 --cache-dir=/tmp/kubectl-oracle-cache "$@"
