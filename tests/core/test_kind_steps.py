"""Steps offered per petition kind as the law allows, in words that fit the kind."""

import pytest

from desk_app.core.cases.lifecycle import (
    USER_ACTIONS,
    action_label,
    available_actions,
    next_status,
    status_label,
)
from desk_app.core.errors import DeskError


@pytest.mark.parametrize("kind", ["kien_nghi", "phan_anh"])
def test_a_petition_is_considered_and_answered_never_accepted(kind):
    for status in ("received", "classified", "accepted", "verifying", "decided"):
        labels = {action_label(a, kind) for a in available_actions(status, kind)}
        assert "Thụ lý giải quyết" not in labels
        assert not any("quyết định" in label.lower() for label in labels)
    assert action_label("accept", kind) == "Xem xét, giải quyết"
    assert status_label("accepted", kind) == "Đang xem xét, giải quyết"
    # no suspension in law for a kiến nghị or phản ánh
    assert "suspend" not in available_actions("accepted", kind)
    with pytest.raises(DeskError) as err:
        next_status("suspend", "accepted", kind)
    assert "Tạm đình chỉ giải quyết" in err.value.message and "kiến nghị" in err.value.message \
        or "phản ánh" in err.value.message


@pytest.mark.parametrize("kind", ["khieu_nai", "to_cao"])
def test_complaints_and_denunciations_keep_the_legal_words(kind):
    assert "accept" in available_actions("received", kind)
    assert action_label("accept", kind) == "Thụ lý giải quyết"
    assert status_label("accepted", kind) == "Đã thụ lý"
    assert "suspend" in available_actions("accepted", kind)


def test_every_offered_step_has_a_name():
    for kind in ("khieu_nai", "to_cao", "kien_nghi", "phan_anh"):
        for action in USER_ACTIONS:
            assert action_label(action, kind) != action
