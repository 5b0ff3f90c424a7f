"""What one token is: id, the piece as the tokenizer stores it, the characters it covers, its bytes."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class TokenDetails(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.setTextFormat(Qt.RichText)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Expanding)
        self.show_token(None)

    def show_token(self, token, total: int = 0) -> None:
        if token is None:
            self.setText(self.tr("Point at a token to see its characters, id and bytes. Click to keep it; arrow keys move."))
            return
        esc = html.escape
        lines = [
            "<p style='font-size:x-large'><b>{}</b></p>".format(esc(token.label)),
            self.tr("Token {n} of {total}").format(n=token.index + 1, total=total),
            self.tr("id {id}").format(id=token.id),
            self.tr("Piece as stored: {piece}").format(piece="<code>{}</code>".format(esc(repr(token.piece)))),
        ]
        if token.special:
            lines.append(self.tr("Special token added by the tokenizer; it covers no characters of the text."))
        elif token.end <= token.start:
            lines.append(self.tr("Covers no characters: the tokenizer trimmed its whitespace from the offsets."))
        else:
            lines.append(
                self.tr("Characters {start}–{end}: “{text}”").format(
                    start=token.start, end=token.end, text=esc(token.source)
                )
            )
        if token.unknown:
            lines.append(self.tr("Unknown token: the vocabulary has no piece for these characters."))
        if token.data is not None:
            lines.append(self.tr("Bytes (UTF-8): {hex}").format(hex="<code>{}</code>".format(token.hex_bytes())))
        for part in token.chars:
            if part.whole or not part.char:
                continue
            values = dict(
                first=part.first + 1,
                last=part.stop,
                size=len(part.encoded),
                char=esc(part.char),
                code=ord(part.char),
                pattern="<code>{}</code>".format(part.pattern()),
            )
            if part.stop - part.first == 1:
                line = self.tr("Holds byte {first} of the {size} bytes of “{char}” (U+{code:04X}): {pattern}")
            else:
                line = self.tr("Holds bytes {first}–{last} of the {size} bytes of “{char}” (U+{code:04X}): {pattern}")
            lines.append(line.format(**values))
        if token.joins_previous:
            lines.append(self.tr("Joined to the token before it: no space between them in the text."))
        elif token.word_start:
            lines.append(self.tr("Starts a word."))
        self.setText("<br>".join(lines))
