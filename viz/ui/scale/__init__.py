"""The "Model size and cost" calculator: inputs, figures and the compute-optimal frontier."""
