"""The term planner: pure planning, and stored plans with undoable edits.

Pure (no database, no clock):

* ``spec`` — what the teacher asks (``PlanSpec``), its rules and typed-input parsers.
* ``plan_types`` — passages, slots, planned sessions and items, results.
* ``engine`` — ``generate_plan``: one exact-length session per slot.
* ``slots`` — which places a re-plan fills, how far a lost day pushes the plan.
* ``views`` — the Chinese tables and captions the plan page shows.

Stored (every function takes ``*, session`` and commits its own work):

* ``classes`` — classes (班级).
* ``sessions`` — a plan's sessions and items as rows (bulk insert, read, delete).
* ``plans`` — create, read and list plans.
* ``history`` — operations with snapshots, ``undo_last``.
* ``edits`` — bump, lock, extra session, reorder, mark done, regenerate.

The planner's view of a term (school days, festivals) is ``curriculum.schoolcal.terms``.
"""
