#!/usr/bin/env bash
# Rebuilds the port-check example: mlp.pt by real torch.save (make.py, /usr/bin/python3 with torch), then
# mlp.keras and broken.keras by `denselinear convert` (the .pt records no activations, so they are given), then
# forgotten.keras from mlp.keras by forget.py (h5py): fc1's kernel left [out, in] = [8, 4], which no converter writes.
#   samples/port-check/make.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repository=$(cd "$here/../.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
/usr/bin/python3 "$here/make.py" "$scratch"
cp "$scratch/mlp.pt" "$here/mlp.pt"
cd "$repository"
denselinear() { dotnet run --project src/DenseLinear.Cli -c Release -- "$@"; }
denselinear convert samples/port-check/mlp.pt samples/port-check/mlp.keras --activations relu,relu,linear
denselinear convert "$scratch/fc2-untransposed.pt" samples/port-check/broken.keras --activations relu,relu,linear
/usr/bin/python3 "$here/forget.py" samples/port-check/mlp.keras samples/port-check/forgotten.keras
