"""Writes the PyTorch and NumPy fixtures the .pt and .npy readers are tested against.

Run with the interpreter that has torch (Debian's python3-torch is for /usr/bin/python3):

    /usr/bin/python3 generate.py fixtures

Every .pt file is written by torch.save and every .npy file by numpy itself. torch 1.13 has no safetensors package,
so each .safetensors file is laid out here from torch's own tensor bytes, as the reference writer and DenseLinear's
lay it out: an 8-byte little-endian header length, compact JSON naming dtype, shape and data_offsets per tensor in
state_dict order, spaces up to a multiple of 8, then the raw little-endian data. manifest.json records, per .pt and
.safetensors file, each tensor's dtype, shape and the hex of its values in C order, little-endian, taken with numpy
from the tensor torch saved (bfloat16 and float16 as their 16-bit patterns, numpy having no bfloat16), so the readers
are compared with torch's own values, not with another reader. For the MLP it also records an input and torch's
forward output.

Everything but those outputs is an input: fixed seeds and torch's and numpy's serial generators make the same bits on
any CPU, so a rerun must reproduce them bitwise. Each "output" is computed by torch's matmul, whose summation order
depends on the CPU; RegeneratedFixturesTests holds it to the rigorous bound instead (docs/pytorch.md).
"""

import io
import json
import os
import sys

import numpy as np
import torch

# One thread, so the MLP's recorded forward output does not depend on how a reduction was split.
torch.set_num_threads(1)


SIXTEEN_BIT = {torch.bfloat16: "BF16", torch.float16: "F16"}
SAFETENSORS_DTYPE = {torch.float32: "F32", torch.float64: "F64", **SIXTEEN_BIT}


def values_hex(tensor):
    tensor = tensor.detach().contiguous()
    if tensor.dtype in SIXTEEN_BIT:
        tensor = tensor.view(torch.int16)
    array = tensor.numpy()
    return array.astype(array.dtype.newbyteorder("<"), copy=False).tobytes(order="C").hex()


def bits(values, dtype):
    """A tensor of dtype holding exactly these 16-bit patterns (NaN payloads, signalling NaNs and -0 included)."""
    return torch.tensor([v - 0x10000 if v >= 0x8000 else v for v in values], dtype=torch.int16).view(dtype)


def describe(state_dict):
    return {
        name: {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape), "hex": values_hex(t)}
        for name, t in state_dict.items()
    }


def save_pt(directory, name, state_dict, manifest, extra=None):
    torch.save(state_dict, os.path.join(directory, name))
    entry = {"tensors": describe(state_dict)}
    if extra:
        entry.update(extra)
    manifest["pt"][name] = entry


def mlp(dtype, seed):
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(5, 4), torch.nn.ReLU(), torch.nn.Linear(4, 3)).to(dtype)
    x = torch.randn(2, 5, dtype=dtype)
    with torch.no_grad():
        y = model(x)
    return model, x, y


def write_pt(directory, manifest):
    for dtype, suffix in ((torch.float32, "f32"), (torch.float64, "f64")):
        torch.manual_seed(14)
        layer = torch.nn.Linear(3, 2).to(dtype)
        save_pt(directory, f"linear_{suffix}.pt", layer.state_dict(), manifest)

        torch.manual_seed(15)
        no_bias = torch.nn.Linear(4, 3, bias=False).to(dtype)
        save_pt(directory, f"linear_nobias_{suffix}.pt", no_bias.state_dict(), manifest)

        model, x, y = mlp(dtype, 16)
        save_pt(directory, f"mlp_{suffix}.pt", model.state_dict(), manifest,
                {"input": {"shape": list(x.shape), "hex": values_hex(x)},
                 "output": {"shape": list(y.shape), "hex": values_hex(y)}})

    torch.manual_seed(17)
    base = torch.randn(3, 4, dtype=torch.float32)
    # A transposed view: strides (1, 4), not contiguous; torch.save keeps the strides and the whole storage.
    save_pt(directory, "transposed_f32.pt", {"weight": base.t()}, manifest)

    torch.manual_seed(18)
    storage = torch.randn(10, dtype=torch.float64)
    # Two views of one storage: a [2, 3] block at offset 1 and the last 3 elements; saved once, as one data/N record.
    shared = {"a": storage[1:7].view(2, 3), "b": storage[7:]}
    save_pt(directory, "shared_storage_f64.pt", shared, manifest)

    scalar = {"zero_d": torch.tensor(2.5, dtype=torch.float32), "empty": torch.zeros(0, 3, dtype=torch.float64)}
    save_pt(directory, "zero_d_and_empty.pt", scalar, manifest)

    # 1, -2, 0.5, then -0, the smallest subnormal, -inf, a quiet NaN with a payload and a signalling NaN; bfloat16's
    # as a transposed 2x4 view, so the reader gathers 2-byte items.
    half = {"h": torch.cat([torch.tensor([1.0, -2.0, 0.5], dtype=torch.float16), bits([0x8000, 0x0001, 0xFC00, 0x7E12, 0x7C01], torch.float16)]),
            "bf": bits([0x4040, 0x3E80, 0x8000, 0x0001, 0xFF80, 0x7FC1, 0x7F81, 0x7F7F], torch.bfloat16).view(4, 2).t()}
    save_pt(directory, "half_and_bfloat16.pt", half, manifest)

    for dtype, suffix in ((torch.bfloat16, "bf16"), (torch.float16, "f16")):
        torch.manual_seed(20)
        layer = torch.nn.Linear(5, 4).to(dtype)
        save_pt(directory, f"linear_{suffix}.pt", layer.state_dict(), manifest)
        save_safetensors(directory, f"linear_{suffix}.safetensors", layer.state_dict(), manifest)


def save_safetensors(directory, name, state_dict, manifest):
    header, data, offset = {}, [], 0
    for key, t in state_dict.items():
        raw = bytes.fromhex(values_hex(t))
        header[key] = {"dtype": SAFETENSORS_DTYPE[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        data.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(os.path.join(directory, name), "wb") as f:
        f.write(len(text).to_bytes(8, "little") + text + b"".join(data))
    manifest["safetensors"][name] = {"tensors": describe(state_dict)}


class _Shell:
    """Pickles as a call of os.system: what a weights-only load must refuse by name."""

    def __reduce__(self):
        return (os.system, ("echo pwned",))


def write_hostile(directory, manifest):
    # torch.save's own layout around a pickle that torch.load(weights_only=True) refuses.
    import pickle
    import zipfile
    name = "hostile_global.pt"
    with zipfile.ZipFile(os.path.join(directory, name), "w", compression=zipfile.ZIP_STORED) as archive:
        # A fixed timestamp, so the file is the same on every run.
        for record, data in (("data.pkl", pickle.dumps({"weight": _Shell()}, protocol=2)), ("version", b"3\n")):
            archive.writestr(zipfile.ZipInfo(f"hostile_global/{record}", date_time=(1980, 1, 1, 0, 0, 0)), data)
    manifest["hostile"][name] = {"global": f"{os.system.__module__}.system"}


def write_npy(directory, manifest):
    rng = np.random.default_rng(19)
    matrix = rng.standard_normal((3, 4)).astype("<f4")
    cases = {
        "v1_f4.npy": (matrix, (1, 0)),
        "v2_f4.npy": (matrix, (2, 0)),
        "v3_f4.npy": (matrix, (3, 0)),
        "fortran_f8.npy": (np.asfortranarray(rng.standard_normal((2, 3, 4))), None),
        "big_endian_f8.npy": (rng.standard_normal((5,)).astype(">f8"), None),
        "big_endian_fortran_f4.npy": (np.asfortranarray(rng.standard_normal((3, 2)).astype(">f4")), None),
        "zero_d_f8.npy": (np.array(-0.75), None),
        "empty_f4.npy": (np.zeros((0, 3), dtype="<f4"), None),
        "empty_1d_f8.npy": (np.zeros((0,), dtype="<f8"), None),
        # 1, -0, the smallest subnormal, -inf, a quiet NaN with a payload, a signalling NaN, then normals.
        "f2.npy": (np.concatenate([np.array([0x3C00, 0x8000, 0x0001, 0xFC00, 0x7E12, 0x7C01], dtype="<u2").view("<f2"),
                                   rng.standard_normal(6).astype("<f2")]).reshape(3, 4), None),
        "big_endian_fortran_f2.npy": (np.asfortranarray(rng.standard_normal((2, 3)).astype(">f2")), None),
    }
    for name, (array, version) in cases.items():
        path = os.path.join(directory, name)
        if version is None:
            np.save(path, array)
        else:
            with open(path, "wb") as f:
                np.lib.format.write_array(f, array, version=version)
        c_order = np.ascontiguousarray(array)
        manifest["npy"][name] = {
            "dtype": {2: "float16", 4: "float32", 8: "float64"}[array.dtype.itemsize],
            "shape": list(array.shape),
            "hex": c_order.astype(c_order.dtype.newbyteorder("<")).tobytes(order="C").hex(),
        }


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "fixtures"
    os.makedirs(directory, exist_ok=True)
    manifest = {"torch": torch.__version__, "numpy": np.__version__, "pt": {}, "safetensors": {}, "npy": {}, "hostile": {}}
    write_pt(directory, manifest)
    write_npy(directory, manifest)
    write_hostile(directory, manifest)
    with open(os.path.join(directory, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
