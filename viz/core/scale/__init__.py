"""Model size and cost: memory to run and train a transformer, its parallel split, compute and Chinchilla scaling.

Plain arithmetic on published formulas; each function says where its formula comes from.
"""
