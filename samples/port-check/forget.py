"""Writes forgotten.keras: mlp.keras with fc1's kernel left as PyTorch's W [out, in] = [8, 4].

    /usr/bin/python3 samples/port-check/forget.py mlp.keras forgotten.keras

The port a hand-written converter makes when it copies fc1.weight into the Keras kernel without transposing it:
config.json keeps units=8 and the bias [8] stays, so the file itself shows the kernel is [units, in]. Keras could
not load it; `denselinear compare mlp.pt forgotten.keras` names the forgotten transpose. Needs h5py and numpy
(Debian: python3-h5py); the archive is stored uncompressed with fixed times, as denselinear writes it.
"""
import io
import os
import sys
import tempfile
import zipfile

import h5py
import numpy


def main(source, target):
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    with tempfile.TemporaryDirectory() as scratch:
        weights = os.path.join(scratch, "model.weights.h5")
        with h5py.File(io.BytesIO(members["model.weights.h5"]), "r") as original, h5py.File(weights, "w") as copy:
            for name in original:
                original.copy(original[name], copy, name=name)
            kernel = numpy.asarray(copy["layers/dense/vars/0"])
            del copy["layers/dense/vars/0"]
            copy.create_dataset("layers/dense/vars/0", data=numpy.ascontiguousarray(kernel.T))
        with open(weights, "rb") as stream:
            members["model.weights.h5"] = stream.read()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
