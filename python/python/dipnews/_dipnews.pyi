"""Type stubs of the Rust extension module (re-exported by ``dipnews``)."""

import datetime
import os
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

__version__: str

DateLike = Union[str, datetime.date]
"""A ``'YYYY-MM-DD'`` string or a ``datetime.date``."""

Document = Union[
    str,
    Tuple[str],
    Tuple[str, Optional[str]],
    Tuple[str, Optional[str], Optional[DateLike]],
    Mapping[str, Any],
]
"""An ``extract_many`` input: a text, a ``(text, id, date)`` tuple (id and
date optional) or a dict with the keys ``text``, ``id``, ``date``."""

Record = Dict[str, Any]
"""One record: the JSON contract's object (``id``, ``headline``, ``dateline``,
``kind``, ``status``, ``date``, ``format``, ``location``, ``title``,
``states``, ``organizations``, ``follow_ups``, ``evidence``)."""

class Error(ValueError):
    """A bad reference date or gazetteer folder; the message is the Rust
    library's."""

class Extractor:
    """Reads Russian diplomatic news; one record (a dict) per article.

    ``reference_date`` is the texts' publication day, used for «вчера»,
    weekdays and missing years. ``gazetteers`` is a folder of TSV tables
    (``states.tsv``, ``organizations.tsv``, ``cities.tsv``, ``agencies.tsv``,
    ``regions.tsv``, any subset) added to the embedded ones. Spans are
    character offsets into the ``str`` given, unless ``byte_spans=True``
    (then the contract's UTF-8 byte offsets).

    Raises ``Error`` for a bad date or gazetteer folder.
    """

    def __init__(
        self,
        reference_date: Optional[DateLike] = None,
        gazetteers: Optional[Union[str, os.PathLike[str]]] = None,
        *,
        byte_spans: bool = False,
    ) -> None: ...
    def extract(self, text: str, id: Optional[str] = None, date: Optional[DateLike] = None) -> Record:
        """Reads one article. ``id`` is copied into the record; ``date``
        overrides the reference date for this text."""
    def extract_many(self, texts: Iterable[Document], threads: Optional[int] = None) -> List[Record]:
        """Reads many articles on ``threads`` threads (default: one per core)
        with the GIL released; records in input order."""
