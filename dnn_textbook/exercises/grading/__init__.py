"""Grading a class: each learner's notebook in a process of its own, judged by the checker.

``python -m dnn_textbook.grade SUBMISSIONS... --out DIR`` (see
:mod:`.command`) reads each learner's notebook or ``.py`` file
(:mod:`.submission`), runs their functions in a worker process of their
own (:mod:`.sandbox`, driven by :mod:`.worker`), judges what came back
with the checker's verdicts and mistakes (:mod:`.grading`), and writes
the grades, a report of the class and a feedback file per learner
(:mod:`.class_report`).
"""
