"""Prints the fingerprint of everything generated/ is made from.

The same text is computed by build.rs (src/fingerprint.rs); keep the two in step.
One line per input, sorted by path: the pinned generator's requirements file and every file
under api/ (the spec, the generator's options, our templates for it).
"""
import hashlib
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
inputs = [p for p in (root / "api").rglob("*") if p.is_file()]
inputs.append(root / "scripts" / "generator-requirements.txt")
print("# Fingerprint of the inputs of generated/, written by scripts/regenerate, checked by build.rs.")
for path in sorted(p.relative_to(root).as_posix() for p in inputs):
    print(f"{hashlib.sha256((root / path).read_bytes()).hexdigest()}  {path}")
