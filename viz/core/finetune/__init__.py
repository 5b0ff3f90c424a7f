"""Fine-tuning lab: task sets, full / selective / LoRA / prompt tuning (peft), evaluation with ROUGE and BLEU,
forgetting of the other tasks, and the low-rank picture of a weight update. Qt-free."""
