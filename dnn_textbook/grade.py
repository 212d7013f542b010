"""``python -m dnn_textbook.grade SUBMISSIONS... --out DIR``: grade a class's notebooks.

The grader itself is :mod:`dnn_textbook.exercises.grading`; this module
is only its entry point.
"""

import sys

from .exercises.grading.command import main

if __name__ == "__main__":
    sys.exit(main())
