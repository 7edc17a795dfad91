"""Writes the Keras fixtures the .keras, .weights.h5 and legacy .h5 readers are tested against.

Run with the interpreter that has h5py and numpy (Debian's python3-h5py is for /usr/bin/python3); torch, where
present, adds the PyTorch -> Keras sources:

    /usr/bin/python3 generate.py <directory>
    /usr/bin/python3 generate.py --fuzz-fixtures fixtures    # the few small files the fuzz reads, committed


Keras itself is not needed: every file is laid out here with h5py (and zipfile), group for group and attribute for
attribute as Keras writes it (keras/src/saving/saving_lib.py for Keras 3, tf.keras' legacy hdf5_format.py for Keras 2).
manifest.json records, per file, what a reader must find: the Dense layers in order with name, activation (null where
the file records none), and per tensor its path, dtype, shape and the hex of its raw little-endian bytes in C order
(bfloat16 as its 16-bit patterns); the other layers (name, class); and, for files that must be refused, a fragment of
the message. Values come from numpy's seeded serial generator, so a rerun writes the same values on any machine.
"""

import io
import json
import os
import sys
import zipfile

import h5py
import numpy as np

DTYPE_NAMES = {np.dtype("float32"): "Float32", np.dtype("float64"): "Float64", np.dtype("float16"): "Float16"}
rng = np.random.default_rng(20261206)


def values(shape, dtype):
    """Seeded values in dtype; every value exact in float16, so one source serves every dtype."""
    return (rng.integers(-2048, 2048, size=shape) / 256.0).astype(dtype)


def bfloat16_bits(shape):
    """bfloat16 patterns: the top halves of float32 values, with -0 and a NaN payload among them."""
    bits = (values(shape, np.float32).view(np.uint32) >> 16).astype(np.uint16)
    flat = bits.reshape(-1)
    flat[0] = 0x8000
    if flat.size > 1:
        flat[1] = 0x7FC1
    return bits


def describe(path, array, dtype_name=None):
    little = array.astype(array.dtype.newbyteorder("<"), copy=False)
    return {
        "path": path,
        "dtype": dtype_name or DTYPE_NAMES.get(array.dtype, str(array.dtype)),
        "shape": list(array.shape),
        "hex": np.ascontiguousarray(little).tobytes(order="C").hex(),
    }


def layer(name, kernel, bias, activation, kernel_path, bias_path, dtype_name=None):
    return {
        "name": name,
        "activation": activation,
        "weight": describe(kernel_path, kernel, dtype_name),
        "bias": None if bias is None else describe(bias_path, bias, dtype_name),
    }


def dense_weights(sizes, dtype, no_bias=()):
    """Kernels [in, units] and biases [units] of a chain through sizes."""
    result = []
    for i in range(len(sizes) - 1):
        kernel = values((sizes[i], sizes[i + 1]), dtype)
        bias = None if i in no_bias else values((sizes[i + 1],), dtype)
        result.append((kernel, bias))
    return result


def group_name(snake, counter):
    return snake if counter == 0 else f"{snake}_{counter}"


# --- Keras 3 .weights.h5 -------------------------------------------------------------------------------------------

def write_keras3(f, weights, names=False, others=("input_layer", "dropout"), bfloat16=None, swap=()):
    """Keras 3's layout: root 'vars', layers/<group>/vars/<i>; weightless layers get an empty vars group."""
    f.create_group("vars")
    layers = f.create_group("layers")
    for other in others:
        layers.create_group(other).create_group("vars")
    described = []
    for i, (kernel, bias) in enumerate(weights):
        group = group_name("dense", i)
        vars_group = layers.create_group(group).create_group("vars")
        entries = [("kernel", kernel)] + ([] if bias is None else [("bias", bias)])
        if i in swap:
            entries.reverse()
        paths = {}
        for index, (var_name, array) in enumerate(entries):
            path = f"layers/{group}/vars/{index}"
            if bfloat16 is not None:
                dataset = vars_group.create_dataset(str(index), data=array.view(bfloat16))
                dataset.attrs["dtype"] = "bfloat16"
            else:
                dataset = vars_group.create_dataset(str(index), data=array)
            if names:
                dataset.attrs["name"] = var_name
            paths[var_name] = path
        described.append(layer(group, kernel, bias, None, paths["kernel"], paths.get("bias"), "BFloat16" if bfloat16 is not None else None))
    return described


def keras3_weights(directory, manifest, name, weights, **options):
    with h5py.File(os.path.join(directory, name), "w") as f:
        layers = write_keras3(f, weights, **options)
    others = sorted(options.get("others", ("input_layer", "dropout")))
    classes = {"input_layer": "InputLayer", "dropout": "Dropout"}
    manifest["files"][name] = {
        "format": "KerasWeights",
        "layers": layers,
        "others": [{"name": o, "class": classes.get(o, "unrecorded")} for o in others],
    }


# --- .keras archives -----------------------------------------------------------------------------------------------

def input_config(features):
    return {"module": "keras.layers", "class_name": "InputLayer",
            "config": {"batch_shape": [None, features], "dtype": "float32", "sparse": False, "name": "input_layer"},
            "registered_name": None}


def dense_config(name, units, activation, use_bias, dtype="float32"):
    return {"module": "keras.layers", "class_name": "Dense",
            "config": {"name": name, "trainable": True, "dtype": dtype, "units": units, "activation": activation,
                       "use_bias": use_bias, "kernel_initializer": {"module": "keras.initializers",
                                                                    "class_name": "GlorotUniform", "config": {"seed": None}}},
            "registered_name": None, "build_config": {"input_shape": [None, 0]}}


def plain_config(class_name, name, **config):
    return {"module": "keras.layers", "class_name": class_name, "config": {"name": name, "trainable": True, **config},
            "registered_name": None}


def sequential(layers, class_name="Sequential"):
    return {"module": "keras", "class_name": class_name, "config": {"name": "sequential", "trainable": True, "layers": layers},
            "registered_name": None, "build_config": {"input_shape": [None, 3]}}


def functional_layer(entry, inputs, keras2=False):
    """A layer of a Functional config: its inbound node takes the named layers' outputs (Keras 3 keras_history, or
    Keras 2's [name, node, tensor, kwargs] lists)."""
    if keras2:
        nodes = [[[name, 0, 0, {}] for name in inputs]] if inputs else []
    else:
        tensors = [{"class_name": "__keras_tensor__", "config": {"shape": [None, 3], "dtype": "float32", "keras_history": [name, 0, 0]}} for name in inputs]
        nodes = [{"args": tensors, "kwargs": {}}] if inputs else []
    return {**entry, "name": entry["config"]["name"], "inbound_nodes": nodes}


def functional(layers, keras2=False):
    """Chains the layers, each taking the one before it, as a Functional (Keras 2: Model) config."""
    chained = [functional_layer(entry, [] if i == 0 else [layers[i - 1]["config"]["name"]], keras2) for i, entry in enumerate(layers)]
    return chained


def keras3_h5_bytes(config_layers, weights_by_layer):
    """model.weights.h5 for a config: groups by Keras' per-class counters, Dense weights from weights_by_layer."""
    buffer = io.BytesIO()
    counters = {}
    with h5py.File(buffer, "w") as f:
        f.create_group("vars")
        layers = f.create_group("layers")
        for entry in config_layers:
            snake = {"InputLayer": "input_layer", "BatchNormalization": "batch_normalization"}.get(entry["class_name"], entry["class_name"].lower())
            counters[snake] = counters.get(snake, -1) + 1
            vars_group = layers.create_group(group_name(snake, counters[snake])).create_group("vars")
            for index, array in enumerate(weights_by_layer.get(entry["config"]["name"], [])):
                vars_group.create_dataset(str(index), data=array)
    return buffer.getvalue()


def keras_archive(directory, name, config, weights_h5, compression=zipfile.ZIP_STORED):
    with zipfile.ZipFile(os.path.join(directory, name), "w", compression) as archive:
        members = [("metadata.json", json.dumps({"keras_version": "3.6.0", "date_saved": "2026-12-06@00:00:00"})),
                   ("config.json", json.dumps(config)), ("model.weights.h5", weights_h5)]
        for member, data in members:
            # A fixed time, so a rerun writes the same bytes.
            archive.writestr(zipfile.ZipInfo(member, date_time=(2026, 12, 6, 0, 0, 0)), data, compress_type=compression)


def archives(directory, manifest):
    # InputLayer, Dense relu, Dropout, Dense linear without bias, then an Activation folded into it, Dense tanh (its
    # activation in the serialized-object form).
    (k0, b0), (k1, _), (k2, b2) = dense_weights([3, 4, 3, 2], np.float32, no_bias=(1,))
    config_layers = [
        input_config(3),
        dense_config("hidden", 4, "relu", True),
        plain_config("Dropout", "dropout", rate=0.5),
        dense_config("logits", 3, "linear", False),
        plain_config("Activation", "act", activation="softmax"),
        dense_config("out", 2, {"module": "keras.activations", "class_name": "function", "config": "tanh", "registered_name": "function"}, True),
    ]
    h5 = keras3_h5_bytes(config_layers, {"hidden": [k0, b0], "logits": [k1], "out": [k2, b2]})
    expected = {
        "format": "KerasArchive",
        "layers": [
            layer("hidden", k0, b0, "relu", "layers/dense/vars/0", "layers/dense/vars/1"),
            layer("logits", k1, None, "softmax", "layers/dense_1/vars/0", None),
            layer("out", k2, b2, "tanh", "layers/dense_2/vars/0", "layers/dense_2/vars/1"),
        ],
        "others": [{"name": "input_layer", "class": "InputLayer"}, {"name": "dropout", "class": "Dropout"}, {"name": "act", "class": "Activation"}],
    }
    keras_archive(directory, "sequential.keras", sequential(config_layers), h5)
    manifest["files"]["sequential.keras"] = expected
    keras_archive(directory, "sequential_deflated.keras", sequential(config_layers), h5, zipfile.ZIP_DEFLATED)
    manifest["files"]["sequential_deflated.keras"] = expected

    # The same layers as a Functional model whose layers form a chain: read as the Sequential is.
    keras_archive(directory, "functional_chain.keras", sequential(functional(config_layers), "Functional"), h5)
    manifest["files"]["functional_chain.keras"] = expected

    # Every activation DenseLinear computes, float64.
    names = ["linear", "relu", "sigmoid", "tanh", "softmax", "gelu"]
    weights = dense_weights([2, 3, 2, 3, 2, 3, 2], np.float64)
    config_layers = [input_config(2)] + [dense_config(f"d{i}", int(k.shape[1]), a, True, "float64") for i, (a, (k, _)) in enumerate(zip(names, weights))]
    h5 = keras3_h5_bytes(config_layers, {f"d{i}": [k, b] for i, (k, b) in enumerate(weights)})
    keras_archive(directory, "activations_f64.keras", sequential(config_layers), h5)
    manifest["files"]["activations_f64.keras"] = {
        "format": "KerasArchive",
        "layers": [layer(f"d{i}", k, b, a, f"layers/{group_name('dense', i)}/vars/0", f"layers/{group_name('dense', i)}/vars/1")
                   for i, (a, (k, b)) in enumerate(zip(names, weights))],
        "others": [{"name": "input_layer", "class": "InputLayer"}],
    }


# --- legacy Keras 2 .h5 --------------------------------------------------------------------------------------------

def legacy_strings(names, fixed):
    if fixed:
        return np.array([n.encode("utf8") for n in names], dtype=f"S{max([len(n) for n in names] + [1])}")
    return np.array(names, dtype=h5py.string_dtype())


def write_legacy(root, entries, fixed, chunked=False):
    """entries: (layer name, [(weight name, array)]); a weightless layer's weight_names is np.asarray([]) (float64)."""
    names = [name for name, _ in entries]
    if chunked:
        # Keras 2 splits an attribute past HDF5's 64 KiB object header limit into name0, name1, ...
        half = len(names) // 2
        root.attrs["layer_names0"] = legacy_strings(names[:half], fixed)
        root.attrs["layer_names1"] = legacy_strings(names[half:], fixed)
    else:
        root.attrs["layer_names"] = legacy_strings(names, fixed)
    root.attrs["backend"] = "tensorflow"
    root.attrs["keras_version"] = "2.12.0"
    for name, weights in entries:
        group = root.create_group(name)
        group.attrs["weight_names"] = legacy_strings([w for w, _ in weights], fixed) if weights else np.asarray([])
        for weight_name, array in weights:
            group.create_dataset(weight_name, data=array)


def legacy_dense(name, kernel, bias):
    return (name, [(f"{name}/kernel:0", kernel)] + ([] if bias is None else [(f"{name}/bias:0", bias)]))


def legacy_model_config(layers, list_form=False, class_name="Sequential"):
    config = [input_config(3)] + layers
    if class_name == "Model":
        config = functional(config, keras2=True)
    return json.dumps({"class_name": class_name, "config": config if list_form else {"name": "sequential", "layers": config}})


def legacy(directory, manifest):
    # Full model, fixed-length name lists: Dense relu, Dropout (no weights), Dense linear + Activation, Dense sigmoid.
    (k0, b0), (k1, b1), (k2, b2) = dense_weights([3, 5, 4, 2], np.float32)
    config_layers = [dense_config("dense", 5, "relu", True), plain_config("Dropout", "dropout", rate=0.1),
                     dense_config("dense_1", 4, "linear", True), plain_config("Activation", "activation", activation="softmax"),
                     dense_config("dense_2", 2, "sigmoid", True)]
    entries = [legacy_dense("dense", k0, b0), ("dropout", []), legacy_dense("dense_1", k1, b1), ("activation", []), legacy_dense("dense_2", k2, b2)]
    expected_layers = [layer(n, k, b, a, f"model_weights/{n}/{n}/kernel:0", f"model_weights/{n}/{n}/bias:0")
                       for n, k, b, a in [("dense", k0, b0, "relu"), ("dense_1", k1, b1, "softmax"), ("dense_2", k2, b2, "sigmoid")]]
    others = [{"name": "dropout", "class": "Dropout"}, {"name": "activation", "class": "Activation"}]
    for name, fixed, list_form, class_name in [("legacy_model.h5", True, False, "Sequential"), ("legacy_model_vlen.h5", False, True, "Sequential"),
                                                ("legacy_model_h5_named.keras", True, False, "Sequential"), ("legacy_functional.h5", True, False, "Model")]:
        with h5py.File(os.path.join(directory, name), "w") as f:
            f.attrs["model_config"] = legacy_model_config(config_layers, list_form, class_name)
            f.attrs["keras_version"] = "2.12.0"
            f.attrs["backend"] = "tensorflow"
            f.attrs["training_config"] = json.dumps({"loss": "mse"})
            write_legacy(f.create_group("model_weights"), entries, fixed)
        manifest["files"][name] = {"format": "LegacyKerasModel", "layers": expected_layers, "others": others}

    # Weights only, variable-length names, float64; the weightless layer's kind is not recorded.
    (k0, b0), (k1, _) = dense_weights([4, 3, 2], np.float64, no_bias=(1,))
    with h5py.File(os.path.join(directory, "legacy_weights.h5"), "w") as f:
        write_legacy(f, [legacy_dense("dense", k0, b0), ("dropout", []), legacy_dense("dense_1", k1, None)], fixed=False)
    manifest["files"]["legacy_weights.h5"] = {
        "format": "LegacyKerasWeights",
        "layers": [layer("dense", k0, b0, None, "dense/dense/kernel:0", "dense/dense/bias:0"),
                   layer("dense_1", k1, None, None, "dense_1/dense_1/kernel:0", None)],
        "others": [{"name": "dropout", "class": "unrecorded"}],
    }

    # Weights only, twelve float16 layers listed in layer_names0/layer_names1: model order, not name order.
    weights = dense_weights([3, 4, 2, 5, 3, 2, 4, 3, 2, 5, 3, 4, 2], np.float16)
    names = [group_name("dense", i) for i in range(len(weights))]
    with h5py.File(os.path.join(directory, "legacy_weights_chunked.h5"), "w") as f:
        write_legacy(f, [legacy_dense(n, k, b) for n, (k, b) in zip(names, weights)], fixed=True, chunked=True)
    manifest["files"]["legacy_weights_chunked.h5"] = {
        "format": "LegacyKerasWeights",
        "layers": [layer(n, k, b, None, f"{n}/{n}/kernel:0", f"{n}/{n}/bias:0") for n, (k, b) in zip(names, weights)],
        "others": [],
    }


# --- files that must be refused ------------------------------------------------------------------------------------

def refused(directory, manifest):
    refuse = manifest["refused"]
    (k0, b0), (k1, b1) = dense_weights([3, 4, 2], np.float32)
    gamma = values((4,), np.float32)

    def archive(name, config_layers, weights_by_layer, fragment, class_name="Sequential"):
        keras_archive(directory, name, sequential(config_layers, class_name), keras3_h5_bytes(config_layers, weights_by_layer))
        refuse[name] = fragment

    base = [input_config(3), dense_config("hidden", 4, "relu", True)]
    archive("refuse_batchnorm.keras", base + [plain_config("BatchNormalization", "bn"), dense_config("out", 2, "linear", True)],
            {"hidden": [k0, b0], "bn": [gamma, gamma, gamma, gamma], "out": [k1, b1]}, "layer 'bn' (BatchNormalization) has 4 weights")
    # A Functional model that branches: both Dense layers read the input.
    branch = [functional_layer(input_config(3), []), functional_layer(dense_config("hidden", 4, "relu", True), ["input_layer"]),
              functional_layer(dense_config("side", 4, "relu", True), ["input_layer"])]
    archive("refuse_functional.keras", branch, {"hidden": [k0, b0], "side": [k0, b0]},
            "is a Functional model that is not a single chain: layer 'side' takes [input_layer]", "Functional")
    archive("refuse_model_class.keras", base, {"hidden": [k0, b0]}, "describes a Subclassed model", "Subclassed")
    archive("refuse_swish.keras", [input_config(3), dense_config("hidden", 4, "swish", True)], {"hidden": [k0, b0]}, "uses the activation 'swish'")
    archive("refuse_units.keras", [input_config(3), dense_config("hidden", 5, "relu", True)], {"hidden": [k0, b0]}, "is configured with units=5")
    archive("refuse_use_bias.keras", [input_config(3), dense_config("hidden", 4, "relu", False)], {"hidden": [k0, b0]}, "use_bias=False")
    archive("refuse_activation_after_relu.keras", base + [plain_config("Activation", "act", activation="tanh")], {"hidden": [k0, b0]},
            "layer 'act' (Activation) follows no linear Dense layer")
    archive("refuse_lambda.keras", base + [plain_config("Lambda", "lam")], {"hidden": [k0, b0]}, "layer 'lam' (Lambda) changes the function")

    with h5py.File(os.path.join(directory, "refuse_dense3.weights.h5"), "w") as f:
        write_keras3(f, [(k0, b0)])
        f["layers/dense/vars"].create_dataset("2", data=b0)
    refuse["refuse_dense3.weights.h5"] = "Dense layer 'dense' at 'layers/dense' has 3 weights"
    with h5py.File(os.path.join(directory, "refuse_batchnorm.weights.h5"), "w") as f:
        write_keras3(f, [(k0, b0)])
        bn = f["layers"].create_group("batch_normalization").create_group("vars")
        for i in range(4):
            bn.create_dataset(str(i), data=gamma)
    refuse["refuse_batchnorm.weights.h5"] = "'layers/batch_normalization' has 4 weights and is not a Dense layer"
    with h5py.File(os.path.join(directory, "refuse_chain.weights.h5"), "w") as f:
        write_keras3(f, [(k0, b0), (values((5, 2), np.float32), b1)])
    refuse["refuse_chain.weights.h5"] = "layer 'dense_1' takes 5 features but 'dense' before it gives 4"
    with h5py.File(os.path.join(directory, "refuse_int.weights.h5"), "w") as f:
        write_keras3(f, [(k0.astype(np.int32), b0)])
    refuse["refuse_int.weights.h5"] = "'layers/dense/vars/0' holds integer data of 4 bytes"
    # A dataset whose dataspace claims 40 GB while the file holds none of it (h5py allocates contiguous data late).
    with h5py.File(os.path.join(directory, "refuse_huge_dims.weights.h5"), "w") as f:
        f.create_group("vars")
        f.create_group("layers/dense/vars").create_dataset("0", shape=(100000, 100000), dtype="f4")
    refuse["refuse_huge_dims.weights.h5"] = "'layers/dense/vars/0' claims [100000, 100000] × 4 bytes, more than the file's"
    with h5py.File(os.path.join(directory, "refuse_no_layout.h5"), "w") as f:
        f.create_dataset("data", data=k0)
    refuse["refuse_no_layout.h5"] = "is HDF5 but none of Keras' layouts"
    with h5py.File(os.path.join(directory, "refuse_missing_weight.h5"), "w") as f:
        write_legacy(f, [legacy_dense("dense", k0, b0)], fixed=True)
        del f["dense/dense/bias:0"]
    refuse["refuse_missing_weight.h5"] = "names the weight 'dense/dense/bias:0' but has no such dataset"
    with h5py.File(os.path.join(directory, "refuse_batchnorm_legacy.h5"), "w") as f:
        f.attrs["model_config"] = legacy_model_config([dense_config("dense", 4, "relu", True), plain_config("BatchNormalization", "batch_normalization")])
        write_legacy(f.create_group("model_weights"), [legacy_dense("dense", k0, b0),
                                                       ("batch_normalization", [(f"batch_normalization/{w}:0", gamma) for w in ("gamma", "beta", "moving_mean", "moving_variance")])], fixed=True)
    refuse["refuse_batchnorm_legacy.h5"] = "layer 'batch_normalization' (BatchNormalization) has 4 weights"


# --- bfloat16 and the Keras 3 variants -----------------------------------------------------------------------------

def keras3(directory, manifest):
    twelve = [3, 4, 2, 5, 3, 2, 4, 3, 2, 5, 3, 4, 2]
    keras3_weights(directory, manifest, "twelve_f32.weights.h5", dense_weights(twelve, np.float32, no_bias=(7,)))
    keras3_weights(directory, manifest, "named_f64.weights.h5", dense_weights([3, 4, 2, 3], np.float64, no_bias=(2,)), names=True, swap=(1,))
    keras3_weights(directory, manifest, "small_f16.weights.h5", dense_weights([3, 4, 2], np.float16), others=("input_layer",))
    # Keras writes a bfloat16 variable with h5py, which stores ml_dtypes' bfloat16 (a 2-byte numpy void) as HDF5
    # opaque data, and marks it with the attribute dtype="bfloat16"; the second file stores the same bits as uint16.
    for name, view in [("bf16_opaque.weights.h5", np.dtype("V2")), ("bf16_uint16.weights.h5", np.dtype("uint16"))]:
        weights = [(bfloat16_bits((3, 4)), bfloat16_bits((4,))), (bfloat16_bits((4, 2)), None)]
        keras3_weights(directory, manifest, name, weights, bfloat16=view)


# --- PyTorch sources for the Keras writer --------------------------------------------------------------------------

def torch_sources(directory, manifest):
    """state dicts saved by torch and as safetensors, with the Keras layers they must become (K = W.T, linear)."""
    try:
        import torch
    except ImportError:
        manifest["torch"] = None
        return
    torch.manual_seed(7)
    sources = manifest["torch"] = {}
    for name, dtype in [("torch_mlp_f32.pt", torch.float32), ("torch_mlp_f64.safetensors", torch.float64), ("torch_mlp_bf16.pt", torch.bfloat16)]:
        model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 2, bias=False)).to(dtype)
        state = model.state_dict()
        if name.endswith(".pt"):
            torch.save(state, os.path.join(directory, name))
        else:
            write_safetensors(os.path.join(directory, name), state)
        layers = []
        for i, prefix in enumerate(["0", "2"]):
            # Keras has no bfloat16 in h5py's types: DenseLinear's writer widens it exactly to float32.
            kernel = state[f"{prefix}.weight"].t().contiguous()
            bias = state.get(f"{prefix}.bias")
            if dtype == torch.bfloat16:
                kernel, bias = kernel.float(), None if bias is None else bias.float()
            group = group_name("dense", i)
            layers.append(layer(group, kernel.numpy(), None if bias is None else bias.numpy(), "linear",
                                f"layers/{group}/vars/0", f"layers/{group}/vars/1"))
        sources[name] = {"layers": layers}


def write_safetensors(path, state):
    names = {"torch.float64": "F64", "torch.float32": "F32"}
    header, offset, blobs = {}, 0, []
    for key, tensor in state.items():
        blob = tensor.contiguous().numpy().astype(tensor.numpy().dtype.newbyteorder("<")).tobytes()
        header[key] = {"dtype": names[str(tensor.dtype)], "shape": list(tensor.shape), "data_offsets": [offset, offset + len(blob)]}
        offset += len(blob)
        blobs.append(blob)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(len(text).to_bytes(8, "little") + text + b"".join(blobs))


# Committed under fixtures/ so the fuzz (Fuzz/CorruptedFileProperties) runs without Python: one file per layout.
FUZZ_FIXTURES = ["small_f16.weights.h5", "bf16_opaque.weights.h5", "legacy_model.h5", "legacy_weights.h5",
                 "sequential.keras", "sequential_deflated.keras", "refuse_huge_dims.weights.h5"]


def main():
    if sys.argv[1] == "--fuzz-fixtures":
        import shutil
        import tempfile
        with tempfile.TemporaryDirectory() as everything:
            generate(everything)
            os.makedirs(sys.argv[2], exist_ok=True)
            for name in FUZZ_FIXTURES:
                shutil.copyfile(os.path.join(everything, name), os.path.join(sys.argv[2], name))
        return
    generate(sys.argv[1])


def generate(directory):
    os.makedirs(directory, exist_ok=True)
    manifest = {"h5py": h5py.__version__, "numpy": np.__version__, "files": {}, "refused": {}}
    keras3(directory, manifest)
    archives(directory, manifest)
    legacy(directory, manifest)
    refused(directory, manifest)
    torch_sources(directory, manifest)
    with open(os.path.join(directory, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
