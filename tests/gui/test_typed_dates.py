"""A date typed as dd/mm/yyyy in any box of the intake form: read, or refused with one sentence
naming the field (gui/widgets/fields.py:typed_date, shared by the boxes)."""

from datetime import date

import pytest

from desk_app.core.errors import DeskError
from desk_app.core.model import Channel, PetitionKind
from desk_app.gui.widgets.content_box import PartEditor
from desk_app.gui.widgets.fields import select


def _refused(call, field: str, text: str, example: str) -> None:
    with pytest.raises(DeskError) as caught:
        call()
    assert caught.value.field == field
    assert caught.value.message == (
        f"Ngày “{text}” không đúng dạng ngày/tháng/năm, ví dụ {example}.")


def test_each_box_reads_its_dates_and_refuses_a_wrong_one(qtbot, window):
    page = window.intake
    person = page.person
    person.dob.setText("04/03/1990")
    assert person.value().date_of_birth == date(1990, 3, 4)
    person.dob.setText("31/02/1990")
    _refused(person.value, "date_of_birth", "31/02/1990", "04/03/1990")
    person.dob.setText("")

    channel = page.channel_box
    select(channel.channel, Channel.BUU_CHINH)
    channel.mailed_on.setText("1/13/2026")
    _refused(channel.values, "mailed_on", "1/13/2026", "04/03/1990")
    channel.mailed_on.setText("28/11/2026")
    assert channel.values()["mailed_on"] == date(2026, 11, 28)

    agent = page.agent_box
    agent.setChecked(True)
    agent.full_name.setText("Trần Văn Luật")
    agent.dob.setText("hôm qua")
    _refused(agent.values, "agent", "hôm qua", "04/03/1990")


def test_the_complaint_known_date_is_refused_with_a_recent_example(qtbot, window):
    editor = window.intake.findChildren(PartEditor)[0]
    select(editor.kind, PetitionKind.KHIEU_NAI)
    editor.known.setText("2026-03-04")
    _refused(editor.known_on, "known_on", "2026-03-04", "04/03/2026")
    editor.known.setText("04/03/2026")
    assert editor.known_on() == date(2026, 3, 4)
