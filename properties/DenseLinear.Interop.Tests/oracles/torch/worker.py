"""The live PyTorch oracle: one process per test run, one JSON request per line on stdin, one reply per line.

Started as `/usr/bin/python3 worker.py`; prints `ready <torch version>` once torch is imported. A request
{"dtype": "float32"|"float64", "x_shape": [...], "x": hex, "w_shape": [out, in], "w": hex, "b": hex|null, "gy": hex}
(little-endian C-order values) is answered with torch.nn.functional.linear's y and autograd's dX, dW and db for the
loss sum(y * gy): {"y": hex, "dx": hex, "dw": hex, "db": hex|null}. {"init": [in, out], "seed": s, "count": c}
answers with the weights of c fresh torch.nn.Linear(in, out) layers, {"w": hex, "b": hex} (float32).
{"narrow": hex, "dtype": "float32"|"float64"} answers with torch's conversions of those values to bfloat16 and float16,
as 16-bit patterns: "bfloat16"/"float16" by Tensor.to on the whole 1-d tensor (the vectorised copy a model's weights
go through) and "bfloat16_scalar"/"float16_scalar" by Tensor.to on each 0-d element (c10::BFloat16's and c10::Half's
scalar constructors). {"widen": "bfloat16"|"float16", "bits": hex} answers {"float32": hex}, Tensor.float() of those
16-bit patterns. {"load_state_dict_file": path} answers with torch.load(path, weights_only=True) of a state_dict:
{"type": class name, "names": [...], "dtypes": ["float32"|"float64"|"float16"|"bfloat16", ...], "shapes": [[...]],
"strides": [[...]], "contiguous_strides": [torch.empty(shape).stride(), ...], "offsets": [storage offsets],
"storages": [index of the first tensor on the same storage, or null for an empty one], "hex": [each tensor's bytes,
little-endian C order], "bad_crc": the first record whose CRC-32 zipfile finds wrong, or null}. Errors are replied as
{"error": text}; end of input ends the process.
"""

import json
import sys
import zipfile

import numpy as np
import torch

torch.set_num_threads(1)


def tensor(hex_values, shape, dtype):
    array = np.frombuffer(bytes.fromhex(hex_values), dtype=np.dtype(dtype).newbyteorder("<")).reshape(shape)
    return torch.from_numpy(array.astype(dtype)).requires_grad_(True)


def to_hex(t):
    return t.detach().contiguous().numpy().astype(t.detach().numpy().dtype.newbyteorder("<")).tobytes().hex()


def linear(request):
    dtype = request["dtype"]
    out_features = request["w_shape"][0]
    x = tensor(request["x"], request["x_shape"], dtype)
    w = tensor(request["w"], request["w_shape"], dtype)
    b = None if request["b"] is None else tensor(request["b"], [out_features], dtype)
    y = torch.nn.functional.linear(x, w, b)
    gy = tensor(request["gy"], list(y.shape), dtype).detach()
    (y * gy).sum().backward()
    return {"y": to_hex(y), "dx": to_hex(x.grad), "dw": to_hex(w.grad), "db": None if b is None else to_hex(b.grad)}


def init(request):
    torch.manual_seed(request["seed"])
    in_features, out_features = request["init"]
    weights, biases = [], []
    for _ in range(request["count"]):
        layer = torch.nn.Linear(in_features, out_features)
        weights.append(layer.weight.detach().numpy().ravel())
        biases.append(layer.bias.detach().numpy().ravel())
    return {"w": to_hex(torch.from_numpy(np.concatenate(weights))), "b": to_hex(torch.from_numpy(np.concatenate(biases)))}


def bits_hex(t):
    return t.contiguous().view(torch.int16).numpy().astype("<i2").tobytes().hex()


def narrow(request):
    dtype = request["dtype"]
    values = torch.from_numpy(np.frombuffer(bytes.fromhex(request["narrow"]), dtype=np.dtype(dtype).newbyteorder("<")).astype(dtype))
    reply = {}
    for name, target in (("bfloat16", torch.bfloat16), ("float16", torch.float16)):
        reply[name] = bits_hex(values.to(target))
        reply[name + "_scalar"] = bits_hex(torch.stack([values[i].to(target) for i in range(values.numel())]) if values.numel() else values.to(target))
    return reply


def widen(request):
    dtype = {"bfloat16": torch.bfloat16, "float16": torch.float16}[request["widen"]]
    bits = torch.from_numpy(np.frombuffer(bytes.fromhex(request["bits"]), dtype="<i2").astype(np.int16)).view(dtype)
    return {"float32": to_hex(bits.float())}


def linear16(request):
    # F.linear computed in a 16-bit dtype, as torch runs it on the CPU (bfloat16: float accumulation, one rounding of
    # the output); x, w and b arrive as 16-bit patterns, y leaves as one.
    dtype = {"bfloat16": torch.bfloat16, "float16": torch.float16}[request["linear16"]]

    def from_bits(hex_values, shape):
        return torch.from_numpy(np.frombuffer(bytes.fromhex(hex_values), dtype="<i2").astype(np.int16)).view(dtype).reshape(shape)

    out_features = request["w_shape"][0]
    x = from_bits(request["x"], request["x_shape"])
    w = from_bits(request["w"], request["w_shape"])
    b = None if request["b"] is None else from_bits(request["b"], [out_features])
    return {"y": bits_hex(torch.nn.functional.linear(x, w, b))}


def load_state_dict_file(request):
    path = request["load_state_dict_file"]
    state = torch.load(path, weights_only=True)
    with zipfile.ZipFile(path) as archive:
        bad_crc = archive.testzip()  # torch does not check the records' CRC-32s; zipfile does
    reply = {"type": type(state).__name__, "bad_crc": bad_crc, "names": [], "dtypes": [], "shapes": [], "strides": [], "contiguous_strides": [], "offsets": [], "storages": [], "hex": []}
    first_on_storage = {}
    for index, (name, t) in enumerate(state.items()):
        reply["names"].append(name)
        reply["dtypes"].append(str(t.dtype).removeprefix("torch."))
        reply["shapes"].append(list(t.shape))
        reply["strides"].append(list(t.stride()))
        reply["contiguous_strides"].append(list(torch.empty(t.shape).stride()))
        reply["offsets"].append(t.storage_offset())
        pointer = t.storage().data_ptr()
        reply["storages"].append(first_on_storage.setdefault(pointer, index) if t.numel() else None)
        # Reinterpreted as same-width integers, which numpy can write in either byte order (it has no bfloat16).
        integers = {1: torch.int8, 2: torch.int16, 4: torch.int32, 8: torch.int64}[t.element_size()]
        flat = t.detach().reshape(-1).contiguous().view(integers).numpy()
        reply["hex"].append(flat.astype(flat.dtype.newbyteorder("<")).tobytes().hex())
    return reply


def answer(request):
    if "load_state_dict_file" in request:
        return load_state_dict_file(request)
    if "linear16" in request:
        return linear16(request)
    if "init" in request:
        return init(request)
    if "narrow" in request:
        return narrow(request)
    if "widen" in request:
        return widen(request)
    return linear(request)


def main():
    print(f"ready {torch.__version__}", flush=True)
    for line in sys.stdin:
        try:
            request = json.loads(line)
            reply = answer(request)
        except Exception as e:  # the test prints it with the case
            reply = {"error": f"{type(e).__name__}: {e}"}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
