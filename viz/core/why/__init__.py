"""Why this token? Attribution, head knock-out and activation patching for one chosen prediction.

Every function takes a loaded model and a frozen request and returns a frozen result; nothing here knows Qt.
- `attribution`: how much each input token contributed (integrated gradients, gradient × input,
  attention × gradient), with Captum doing the gradient work;
- `knockout`: zero or mean-replace attention heads and see the next-token distribution change; scan them all;
- `patching`: run a corrupted prompt, restore the clean run's activations one layer and position at a time.
"""
