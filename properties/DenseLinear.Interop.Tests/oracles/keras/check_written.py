"""Checks a file DenseLinear wrote against the layers it must hold, with h5py and numpy (not DenseLinear's reader).

    /usr/bin/python3 check_written.py keras <written .weights.h5 or .keras> <expected.json>
    /usr/bin/python3 check_written.py safetensors <written .safetensors> <expected.json>

expected.json is {"layers": [...]}, each layer as generate.py's manifest records it (Keras' convention: name, activation,
weight = kernel K [in, units], bias), dtype, shape and the hex of the raw little-endian bytes. "keras" checks Keras 3's
layout: the root 'vars' group, layers/input_layer/vars, layers/dense[_n]/vars/0 (kernel) and vars/1 (bias) and nothing
else, each dataset's dtype, shape and bytes; for a .keras archive also its members and config.json (a Sequential of an
InputLayer then one Dense per layer with its name, units, activation and use_bias). "safetensors" parses the header by
hand and checks <layer>.weight = K transposed and <layer>.bias, bitwise, and the denselinear metadata. Prints every
difference and exits 1 if there is any.
"""

import io
import json
import sys
import zipfile

import numpy as np

NUMPY = {"Float32": "<f4", "Float64": "<f8", "Float16": "<f2", "BFloat16": "<u2"}
SAFETENSORS = {"Float32": "F32", "Float64": "F64", "Float16": "F16", "BFloat16": "BF16"}
errors = []


def expect(condition, message):
    if not condition:
        errors.append(message)
    return condition


def expected_array(tensor):
    return np.frombuffer(bytes.fromhex(tensor["hex"]), dtype=NUMPY[tensor["dtype"]]).reshape(tensor["shape"])


def group_name(i):
    return "dense" if i == 0 else f"dense_{i}"


def check_dataset(f, path, tensor):
    if not expect(path in f, f"{path}: missing"):
        return
    dataset = f[path]
    wanted = np.dtype(NUMPY[tensor["dtype"]])
    expect(dataset.dtype == wanted, f"{path}: dtype {dataset.dtype}, expected {wanted} ({tensor['dtype']})")
    expect(list(dataset.shape) == tensor["shape"], f"{path}: shape {list(dataset.shape)}, expected {tensor['shape']}")
    actual = dataset[()]
    actual = actual.astype(actual.dtype.newbyteorder("<"), copy=False)
    expect(actual.tobytes().hex() == tensor["hex"], f"{path}: bytes {actual.tobytes().hex()}, expected {tensor['hex']}")


def check_weights(h5_bytes, layers):
    import h5py
    with h5py.File(io.BytesIO(h5_bytes), "r") as f:
        expect(isinstance(f.get("vars"), h5py.Group), "/vars: no root vars group")
        expect(isinstance(f.get("layers/input_layer/vars"), h5py.Group), "layers/input_layer/vars: missing")
        groups = set(f["layers"].keys()) if "layers" in f else set()
        wanted = {"input_layer"} | {group_name(i) for i in range(len(layers))}
        expect(groups == wanted, f"layers/: groups {sorted(groups)}, expected {sorted(wanted)}")
        for i, layer in enumerate(layers):
            group = f"layers/{group_name(i)}/vars"
            if group not in f:
                errors.append(f"{group}: missing")
                continue
            names = sorted(f[group].keys())
            expect(names == (["0", "1"] if layer["bias"] else ["0"]), f"{group}: holds {names}")
            check_dataset(f, f"{group}/0", layer["weight"])
            if layer["bias"]:
                check_dataset(f, f"{group}/1", layer["bias"])


def check_config(config, layers):
    expect(config.get("class_name") == "Sequential", f"config.json: class_name {config.get('class_name')}")
    entries = config.get("config", {}).get("layers", [])
    expect(len(entries) == len(layers) + 1, f"config.json: {len(entries)} layers, expected {len(layers) + 1}")
    if not entries:
        return
    expect(entries[0].get("class_name") == "InputLayer", f"config.json: layer 0 is {entries[0].get('class_name')}")
    features = layers[0]["weight"]["shape"][0]
    expect(entries[0]["config"].get("batch_shape") == [None, features], f"config.json: InputLayer batch_shape {entries[0]['config'].get('batch_shape')}")
    for entry, layer in zip(entries[1:], layers):
        c = entry.get("config", {})
        where = f"config.json: layer '{c.get('name')}'"
        expect(entry.get("class_name") == "Dense", f"{where}: class_name {entry.get('class_name')}")
        expect(c.get("name") == layer["name"], f"{where}: expected name {layer['name']}")
        expect(c.get("units") == layer["weight"]["shape"][1], f"{where}: units {c.get('units')}")
        expect(c.get("activation") == (layer["activation"] or "linear"), f"{where}: activation {c.get('activation')}, expected {layer['activation']}")
        expect(c.get("use_bias") == (layer["bias"] is not None), f"{where}: use_bias {c.get('use_bias')}")


def check_keras(path, layers):
    with open(path, "rb") as f:
        data = f.read()
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            members = sorted(archive.namelist())
            expect(members == ["config.json", "metadata.json", "model.weights.h5"], f"archive members {members}")
            expect(archive.testzip() is None, "archive: a member fails its CRC")
            metadata = json.loads(archive.read("metadata.json"))
            expect("keras_version" in metadata, f"metadata.json lacks keras_version: {metadata}")
            check_config(json.loads(archive.read("config.json")), layers)
            check_weights(archive.read("model.weights.h5"), layers)
    else:
        check_weights(data, layers)


def check_safetensors(path, layers):
    with open(path, "rb") as f:
        data = f.read()
    length = int.from_bytes(data[:8], "little")
    header = json.loads(data[8:8 + length])
    body = data[8 + length:]
    metadata = header.pop("__metadata__", {})
    expect(metadata.get("denselinear.layers") == ",".join(layer["name"] for layer in layers), f"metadata {metadata}")
    if all(layer["activation"] for layer in layers):
        expect(metadata.get("denselinear.activations") == ",".join(layer["activation"] for layer in layers), f"metadata {metadata}")
    wanted = {}
    for layer in layers:
        kernel = expected_array(layer["weight"])
        wanted[layer["name"] + ".weight"] = (layer["weight"]["dtype"], np.ascontiguousarray(kernel.T))
        if layer["bias"]:
            wanted[layer["name"] + ".bias"] = (layer["bias"]["dtype"], expected_array(layer["bias"]))
    expect(sorted(header) == sorted(wanted), f"tensors {sorted(header)}, expected {sorted(wanted)}")
    for name, (dtype, array) in wanted.items():
        if name not in header:
            continue
        entry = header[name]
        expect(entry["dtype"] == SAFETENSORS[dtype], f"{name}: dtype {entry['dtype']}, expected {SAFETENSORS[dtype]}")
        expect(entry["shape"] == list(array.shape), f"{name}: shape {entry['shape']}, expected {list(array.shape)}")
        start, end = entry["data_offsets"]
        expect(body[start:end] == array.tobytes(), f"{name}: bytes {body[start:end].hex()}, expected {array.tobytes().hex()}")


def main():
    mode, path, expected = sys.argv[1:4]
    with open(expected) as f:
        layers = json.load(f)["layers"]
    {"keras": check_keras, "safetensors": check_safetensors}[mode](path, layers)
    for error in errors:
        print(error)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
