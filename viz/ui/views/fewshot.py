"""Few-shot prompting: the same question with 0, 1, 2 or 4 worked examples before it, and how likely the answer is."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QApplication, QButtonGroup, QLabel, QPushButton, QSplitter, QTextEdit, QVBoxLayout, QWidget,
)

from viz.ui.fewshot.bank_editor import BankEditor
from viz.ui.fewshot.results import ShotsChart, ShotsTable
from viz.ui.flow_layout import FlowLayout, vertical_scroll
from viz.ui.views.base import View
from viz.ui.workers import LatestWorker

ANSWER_COLOR = "#D55E00"


def _score(loaded, request):
    from viz.core.fewshot.scoring import score_shots

    return score_shots(loaded, request)


class FewShotView(View):
    key = "fewshot"

    def __init__(self, state, parent: QWidget | None = None):
        super().__init__(state, parent)
        self.editor = BankEditor(self)
        self.shots = QButtonGroup(self)
        shot_row = FlowLayout()  # wraps beside the F1 panel on a projector instead of squeezing the buttons
        shot_row.addWidget(QLabel(self.tr("Prompt with"), self))
        for k in (0, 1, 2, 4):
            button = QPushButton(self.tr("{k}-shot").format(k=k), self, checkable=True)
            self.shots.addButton(button, k)
            shot_row.addWidget(button)
        self.shots.button(2).setChecked(True)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.prompt = QTextEdit(self, readOnly=True)
        self.prompt.setFont(QFontDatabase.systemFont(QFontDatabase.FixedFont))
        self.message = QLabel(self)
        self.message.setObjectName("noticeBanner")
        self.message.setWordWrap(True)
        self.message.hide()
        self.chart = ShotsChart(self)
        self.table = ShotsTable(self)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(shot_row)
        right_layout.addWidget(self.caption)
        right_layout.addWidget(self.prompt, 1)
        right_layout.addWidget(self.message)
        right_layout.addWidget(self.chart, 2)
        right_layout.addWidget(self.table)
        self.splitter = QSplitter(Qt.Horizontal, self)
        self.splitter.addWidget(vertical_scroll(self.editor))
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.result = None
        self.worker = LatestWorker("fewshot", self)
        self.worker.succeeded.connect(self._on_scored)
        self.worker.failed.connect(self._on_failed)
        self._timer = QTimer(self, singleShot=True, interval=400)  # typing in the bank: score once it pauses
        self._timer.timeout.connect(self.score)
        self.editor.changed.connect(self._on_edited)
        self.shots.idToggled.connect(lambda _k, on: on and self._show_prompt())
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        if state.model is not None:
            self.catch_up()
        else:
            self._show_prompt()

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("FewShotView", "Few-shot")

    @staticmethod
    def explanation() -> str:
        return QCoreApplication.translate("FewShotView",
            "In-context learning: the same question asked with 0, 1, 2 or 4 worked examples before it. The prompt "
            "is shown exactly as the model receives it, built from the template on the left; the coloured text is "
            "the reference answer, whose probability the model gives (teacher forcing). Small models often need "
            "the examples; a model trained on one exact input form (demo-t5) can be thrown off by them. Edit the "
            "examples, the question or the template and the scores follow."
        )

    def busy(self) -> bool:
        return self.worker.busy

    def shutdown(self) -> None:
        self._shut_down = True
        self._timer.stop()
        self.worker.shutdown()

    # state
    def _on_model(self, loaded) -> None:
        from viz.core.families import Family
        from viz.core.fewshot.bank import default_task

        self.editor.choose_task(default_task(loaded.name, loaded.family == Family.ENCODER_DECODER).key)
        self.score()

    def _on_edited(self) -> None:
        self._show_prompt()
        self._timer.start()

    def score(self) -> None:
        self._timer.stop()
        loaded = self.state.model
        if loaded is None or getattr(self, "_shut_down", False):  # a model arriving while the window closes
            return
        from viz.core.fewshot.scoring import FewShotRequest

        request = FewShotRequest(self.editor.template(), self.editor.examples(), self.editor.question())
        self.worker.submit(_score, loaded, request, label=self.tr("Scoring the answer…"))

    def _on_scored(self, result) -> None:
        self.result = result
        self.message.hide()
        self.chart.show_result(result)
        self.table.show_result(result)
        self._show_prompt()

    def _on_failed(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()

    def _show_prompt(self) -> None:
        from viz.core.families import Family
        from viz.core.fewshot.prompt import TemplateError, answer_text, build_prompt

        k = self.shots.checkedId()
        examples = self.editor.examples()
        if k > len(examples):
            self.caption.setText(self.tr("The bank has only {n} examples.").format(n=len(examples)))
            self.prompt.clear()
            return
        template, question = self.editor.template(), self.editor.question()
        try:
            prompt = build_prompt(template, examples, question.input, k)
        except TemplateError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return
        loaded = self.state.model
        encoder_decoder = loaded is not None and loaded.family == Family.ENCODER_DECODER
        answer = answer_text(template, question.answer, encoder_decoder)
        score = next((s for s in (self.result.scores if self.result else ()) if s.shots == k and s.prompt == prompt),
                     None)
        tokens = self.tr(", {n} tokens").format(n=score.prompt_tokens) if score is not None else ""
        if encoder_decoder:
            self.caption.setText(self.tr("Encoder input, exactly as sent{tokens}; below it, in colour, the output "
                                         "whose probability is measured:").format(tokens=tokens))
            shown = _escape(prompt) + "<br><br>" + _coloured(answer)
        else:
            self.caption.setText(self.tr("The prompt, exactly as sent{tokens}, and in colour the answer whose "
                                         "probability is measured:").format(tokens=tokens))
            shown = _escape(prompt) + _coloured(answer)
        self.prompt.setHtml(f"<pre style='white-space: pre-wrap'>{shown}</pre>")

    # sessions and export
    def settings(self) -> dict:
        return {"shots": self.shots.checkedId(), "bank": self.editor.state()}

    def apply_settings(self, settings: dict) -> None:
        bank = settings.get("bank")
        if isinstance(bank, dict):
            self.editor.restore(bank)
        shots = settings.get("shots")
        if shots in (0, 1, 2, 4):
            self.shots.button(shots).setChecked(True)

    def export_widget(self) -> QWidget:
        return self.splitter.widget(1)

    def export_tables(self) -> dict[str, list[list]]:
        if self.result is None:
            return {}
        prompts = [["k", "prompt"]] + [[s.shots, s.prompt] for s in self.result.scores]
        return {"fewshot_scores": self.table.table(), "fewshot_prompts": prompts}

    def set_scale(self, factor: float) -> None:
        self.chart.set_scale(factor)
        # The application font, not this view's: on entering presentation the view still reports its old font
        # (Qt passes the new one on later), and the prompt stayed at the desktop size.
        font = QFont(QFontDatabase.systemFont(QFontDatabase.FixedFont))
        size = QApplication.font()
        if size.pointSizeF() > 0:
            font.setPointSizeF(size.pointSizeF())
        else:
            font.setPixelSize(size.pixelSize())
        self.prompt.setFont(font)


def _escape(text: str) -> str:
    return html.escape(text)


def _coloured(text: str) -> str:
    return f"<span style='color:{ANSWER_COLOR}; font-weight:bold'>{html.escape(text)}</span>"


if __name__ == "__main__":
    import sys

    from PySide6.QtWidgets import QApplication

    from viz.core.loading import LoadRequest, load_model
    from viz.core.resources import DEFAULT_MODEL, bundled_model_path
    from viz.ui.state import AppState

    app = QApplication(sys.argv)
    source = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_MODEL
    state = AppState()
    state.model = load_model(LoadRequest(str(bundled_model_path(source) or source), device="cpu"))
    view = FewShotView(state)
    view.resize(1280, 720)
    view.setWindowTitle(view.title())
    view.show()
    sys.exit(app.exec())
