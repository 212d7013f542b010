"""``python -m dnn_textbook.notebooks --lang uk DEST``: see :mod:`dnn_textbook.notebooks`."""

import sys

from . import main

sys.exit(main())
