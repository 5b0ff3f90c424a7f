"""Fine-tune lab: tune a copy of the model on a task (full, selective, LoRA, prompt tuning), watch the loss,
compare held-out scores before and after on every task (forgetting), see the low rank of the update, and use or
save the result."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from viz.core.errors import VizError
from viz.ui.finetune.charts import LossChart
from viz.ui.finetune.job import StreamingJob
from viz.ui.finetune.labels import method_name, percent, phase_text
from viz.ui.finetune.lowrank_panel import LowRankPanel
from viz.ui.finetune.method_panel import MethodPanel
from viz.ui.finetune.results_panel import ExamplesTable, ForgettingTable
from viz.ui.finetune.task_panel import TaskPanel
from viz.ui.finetune.train_panel import TrainPanel
from viz.ui.presentation import TabBarFitter
from viz.ui.views.base import View
from viz.ui.workers import LatestWorker


def _run(model, tokenizer, family, request, on_progress, should_stop):
    from viz.core.finetune.training import run_finetune

    return run_finetune(model, tokenizer, family, request, on_progress, should_stop)


class FinetuneView(View):
    key = "finetune"
    compare_requested = Signal(object)  # a LoadedModel: the tuned copy, to compare with the loaded model

    def __init__(self, state, parent: QWidget | None = None):
        super().__init__(state, parent)
        self.result = None
        self.task_panel = TaskPanel(self)
        self.method_panel = MethodPanel(self)
        self.train_panel = TrainPanel(self)
        controls = QWidget(self)
        column = QVBoxLayout(controls)
        column.setContentsMargins(0, 0, 4, 0)
        for panel in (self.task_panel, self.method_panel, self.train_panel):
            column.addWidget(panel)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setFixedWidth(340)
        self.controls_scroll = scroll
        self.loss_chart = LossChart(self)
        self.forgetting = ForgettingTable(self)
        self.examples = ExamplesTable(self)
        self.lowrank = LowRankPanel(self)
        self.tabs = QTabWidget(self)
        self.tab_fitter = TabBarFitter(self.tabs, preferred=1.0)  # text-sized while the four fit
        self.tabs.addTab(self.loss_chart, self.tr("Loss"))
        self.tabs.addTab(self.forgetting, self.tr("Before / after"))
        self.tabs.addTab(self.examples, self.tr("Examples"))
        self.tabs.addTab(self.lowrank, self.tr("Low rank"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(scroll)
        layout.addWidget(self.tabs, 1)
        self.job = StreamingJob("finetune", self)
        self.job.progress.connect(self._on_progress)
        self.job.succeeded.connect(self._on_trained)
        self.job.failed.connect(self._on_failed)
        self.job.busy_changed.connect(self.train_panel.set_busy)
        self.train_panel.train_button.clicked.connect(self.start_training)
        self.train_panel.cancel_button.clicked.connect(self.cancel_training)
        self.train_panel.save_button.clicked.connect(self._on_save)
        self.train_panel.use_button.clicked.connect(self.use_result)
        self.train_panel.compare_button.clicked.connect(self.compare_result)
        # Folding the update into a copy of the weights copies the whole model: off the GUI thread
        self.merge_worker = LatestWorker("finetune-merge", self)
        self.merge_worker.succeeded.connect(self._on_merged)
        self.merge_worker.failed.connect(self._on_failed)
        self.merge_worker.busy_changed.connect(self._set_merging)
        self._after_merge = None  # "use" or "compare": what the merged copy is for
        self.method_panel.picker.currentIndexChanged.connect(
            lambda _i: self.train_panel.suggest_for(self.method_panel.picker.currentData()))
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        if state.model is not None:
            self.catch_up()
        else:
            self.train_panel.train_button.setEnabled(False)

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("FinetuneView", "Fine-tune")

    @staticmethod
    def explanation() -> str:
        return QCoreApplication.translate("FinetuneView",
            "Fine-tuning trains a pre-trained model further on prompt–completion pairs of one task. Full fine-tuning "
            "changes every weight; selective tuning only chosen layers; LoRA adds a small low-rank update B·A to "
            "chosen matrices; prompt tuning learns a few virtual tokens put in front of every input. Training works "
            "on a copy: the loaded model stays as it is until you press Use in all views; Compare with base sets the "
            "two side by side in the Compare tab. Before / after scores "
            "held-out examples of every task, so you see the tuned task rise and the others fall (catastrophic "
            "forgetting); mixing in a share of the old tasks keeps them. ROUGE and BLEU count shared words, so a "
            "wrong answer can still score well."
        )

    # state
    def _on_model(self, loaded) -> None:
        from viz.core.families import Family

        self.job.cancel()
        self.result = None
        self.merge_worker.cancel()  # a copy merged from the previous model's result must not arrive after it
        self.method_panel.set_model(loaded)
        self.lowrank.set_model(loaded)
        generates = loaded.family != Family.ENCODER and loaded.has_lm_head
        self.train_panel.train_button.setEnabled(generates)
        for button in self.train_panel.result_buttons():
            button.setEnabled(False)
        self.train_panel.status.setText("" if generates else self.tr(
            "Fine-tuning here needs a model that generates text: a decoder or an encoder-decoder."))

    # training
    def request(self):
        """The TrainRequest of the current settings (raises VizError with a message for the user)."""
        from viz.core.finetune.methods import check_spec
        from viz.core.finetune.training import TrainRequest

        task = self.task_panel.task()
        spec = self.method_panel.spec()
        check_spec(self.state.model.model, spec)
        others = self.task_panel.others()
        p = self.train_panel
        return TrainRequest(task, spec, steps=p.steps.value(), batch_size=p.batch.value(), learning_rate=p.lr.value(),
                            seed=p.seed.value(), mix_share=p.mix.value() / 100.0, mix_tasks=others,
                            eval_tasks=(task, *others))

    def start_training(self) -> None:
        loaded = self.state.model
        if loaded is None:
            return
        try:
            request = self.request()
        except VizError as exc:
            self.train_panel.status.setText(self.tr("⚠ {message}").format(message=str(exc)))
            return
        self._request = request
        self.loss_chart.start_run(request.method.kind)
        self.tabs.setCurrentWidget(self.loss_chart)
        self.job.start(_run, loaded.model, loaded.tokenizer, loaded.family, request)

    def cancel_training(self) -> None:
        self.job.cancel()
        self.loss_chart.start_run(self.loss_chart.live_kind)
        self.train_panel.status.setText(self.tr("Cancelled; the model is unchanged."))

    def _on_progress(self, progress) -> None:
        if progress.phase == "training":
            self.loss_chart.add_loss(progress.loss)
            self.train_panel.set_fraction(progress.step / max(1, progress.steps))
            self.train_panel.status.setText(self.tr("Step {step} of {steps} · loss {loss} · {seconds} s").format(
                step=progress.step, steps=progress.steps, loss=f"{progress.loss:.3f}", seconds=f"{progress.seconds:.0f}"))
        else:
            self.train_panel.status.setText(phase_text(progress.phase))

    def _on_trained(self, result) -> None:
        self.result = result
        kind = result.request.method.kind
        self.loss_chart.finish_run(self._run_label(result), kind, result.losses)
        self.forgetting.show_result(result, result.request.task.key)
        self.examples.show_result(result)
        self.lowrank.add_run(kind, result.model)
        before = result.before.task(result.request.task.key)
        after = result.after.task(result.request.task.key) if result.after else None
        text = self.tr("Trained in {seconds} s.").format(seconds=f"{result.train_seconds:.0f}")
        if before and after:
            text += " " + self.tr("Exact match on the tuned task: {before} → {after}.").format(
                before=percent(before.mean.exact), after=percent(after.mean.exact))
        self.train_panel.status.setText(text)
        self.train_panel.save_button.setEnabled(True)
        self._set_merging(False)
        self.tabs.setCurrentWidget(self.forgetting)

    def _run_label(self, result) -> str:
        spec = result.request.method
        if spec.kind == "lora":
            return self.tr("LoRA r={r}").format(r=spec.lora_rank)
        if spec.kind == "prompt":
            return self.tr("prompt tuning, {n} tokens").format(n=spec.virtual_tokens)
        return method_name(spec.kind)

    def _on_failed(self, message: str) -> None:
        self.train_panel.status.setText(self.tr("⚠ {message}").format(message=message))

    # the result
    def _on_save(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save the tuned model into a folder"))
        if folder:
            self.save_result(folder)

    def save_result(self, folder: str) -> None:
        from viz.core.finetune.result_model import save_result

        try:
            files = save_result(self.result.model, self.state.model.tokenizer, folder)
        except VizError as exc:
            self.train_panel.status.setText(self.tr("⚠ {message}").format(message=str(exc)))
            return
        self.train_panel.status.setText(self.tr("Saved {n} files to {folder}.").format(n=len(files), folder=folder))

    def use_result(self) -> None:
        """The tuned model, merged into a copy of the weights, becomes the model every view shows."""
        self._merge("use")

    def compare_result(self) -> None:
        """The Compare tab runs the loaded (base) model against the tuned one on the text."""
        self._merge("compare")

    def _merge(self, then: str) -> None:
        from viz.core.finetune.result_model import as_loaded_model

        if self.result is None or self.state.model is None:
            return
        self._after_merge = then
        self.train_panel.status.setText(self.tr("Folding the update into a copy of the weights…"))
        self.merge_worker.submit(as_loaded_model, self.state.model, self.result.model, self._run_label(self.result),
                                 label="merge")

    def _on_merged(self, loaded) -> None:
        self.train_panel.status.setText(self.tr("Merged: {name}.").format(name=loaded.name))
        if self._after_merge == "use":
            self.state.use_model(loaded)
        else:
            self.compare_requested.emit(loaded)

    def _set_merging(self, busy: bool) -> None:
        mergeable = self.result is not None and self.result.request.method.kind != "prompt"  # virtual tokens stay
        self.train_panel.use_button.setEnabled(mergeable and not busy)
        self.train_panel.compare_button.setEnabled(mergeable and not busy)

    # exports and sessions
    def pages(self) -> list:
        return list(range(self.tabs.count()))

    def show_page(self, page) -> None:
        self.tabs.setCurrentIndex(page)

    def export_widget(self) -> QWidget:
        return self.tabs.currentWidget()

    def export_tables(self) -> dict[str, list[list]]:
        tables = {"finetune_loss": self.loss_chart.table(), "finetune_before_after": self.forgetting.table_rows(),
                  "finetune_examples": self.examples.table_rows(), "finetune_spectrum": self.lowrank.chart.table()}
        return {name: rows for name, rows in tables.items() if rows}

    def set_presenting(self, on: bool) -> None:
        self.tab_fitter.fit(on)  # four result tabs beside the settings at 1024 pixels
        self._fit_controls()

    def set_scale(self, factor: float) -> None:
        self.loss_chart.set_scale(factor)
        self.lowrank.chart.set_scale(factor)
        self._scale = factor
        self._fit_controls()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_controls()

    def showEvent(self, event) -> None:  # fonts and texts (a language switch) may have changed while hidden
        super().showEvent(event)
        self._fit_controls()

    def _fit_controls(self) -> None:
        """The settings column grows with the font but never takes more than 40 % of the width."""
        wanted = int(340 * min(getattr(self, "_scale", 1.0), 1.3))
        scroll = self.controls_scroll
        # never narrower than its content: the column does not scroll sideways, so what did not fit would be cut
        needed = scroll.widget().minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width() \
            + 2 * scroll.frameWidth()
        scroll.setFixedWidth(max(260, needed, min(wanted, int(self.width() * 0.4))))

    def settings(self) -> dict:
        p, m = self.train_panel, self.method_panel
        return {"task": self.task_panel.key(), "template": self.task_panel.template.text(),
                "method": m.picker.currentData(), "rank": m.rank.value(), "virtual_tokens": m.virtual.value(),
                "steps": p.steps.value(), "batch": p.batch.value(), "lr": p.lr.value(), "seed": p.seed.value(),
                "mix": p.mix.value(), "tab": self.tabs.currentIndex()}

    def apply_settings(self, settings: dict) -> None:
        index = self.task_panel.picker.findData(settings.get("task"))
        if index >= 0:
            self.task_panel.picker.setCurrentIndex(index)
        if isinstance(settings.get("template"), str):
            self.task_panel.template.setText(settings["template"])
        index = self.method_panel.picker.findData(settings.get("method"))
        if index >= 0:
            self.method_panel.picker.setCurrentIndex(index)
        p, m = self.train_panel, self.method_panel
        for key, box in (("rank", m.rank), ("virtual_tokens", m.virtual), ("steps", p.steps), ("batch", p.batch),
                         ("seed", p.seed), ("mix", p.mix)):
            if isinstance(settings.get(key), int):
                box.setValue(settings[key])
        if isinstance(settings.get("lr"), (int, float)):
            p.lr.setValue(float(settings["lr"]))
        tab = settings.get("tab")
        if isinstance(tab, int) and 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)

    def shutdown(self) -> None:
        self.job.shutdown()
        self.merge_worker.shutdown()
        self.lowrank.shutdown()
