"""dipnews: diplomatic events from Russian-language news, from Python.

>>> import dipnews
>>> ex = dipnews.Extractor()
>>> rec = ex.extract("МОСКВА, 6 октября. /ТАСС/. Сергей Лавров провел телефонный разговор с главой МИД Таджикистана.")
>>> rec["kind"], [s["iso2"] for s in rec["states"]]
('phone_call', ['RU', 'TJ'])

Records are dicts with exactly the keys and values of the project's JSON
contract (the Rust example binary's output). Spans are character offsets into
the Python ``str`` (``text[start:end] == mention["text"]``); pass
``byte_spans=True`` to ``Extractor`` for the contract's UTF-8 byte offsets.
"""

from ._dipnews import Error, Extractor, __version__

__all__ = ["Error", "Extractor", "__version__"]
