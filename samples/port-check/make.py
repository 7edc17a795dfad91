"""Writes the port-check example's PyTorch side with real torch.save.

    /usr/bin/python3 samples/port-check/make.py OUT_DIR

mlp.pt: a 4 -> 8 -> 8 -> 3 MLP (fc1, relu, fc2, relu, fc3), weights from torch.manual_seed(20261206), saved with
torch.save(model.state_dict()). fc2-untransposed.pt: the same state_dict with fc2's square 8x8 weight transposed,
the source of broken.keras (make.sh converts it, so its Keras kernel is W2 instead of W2^T: a transpose forgotten
where the shapes do not show it).
"""
import os
import sys

import torch


class Mlp(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(4, 8)
        self.fc2 = torch.nn.Linear(8, 8)
        self.fc3 = torch.nn.Linear(8, 3)

    def forward(self, x):
        return self.fc3(torch.relu(self.fc2(torch.relu(self.fc1(x)))))


def main(out_dir):
    torch.manual_seed(20261206)
    model = Mlp()
    torch.save(model.state_dict(), os.path.join(out_dir, "mlp.pt"))
    broken = {name: tensor.clone() for name, tensor in model.state_dict().items()}
    broken["fc2.weight"] = broken["fc2.weight"].t().contiguous()
    torch.save(broken, os.path.join(out_dir, "fc2-untransposed.pt"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))
