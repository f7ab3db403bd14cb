"""The term planner: pure planning (``engine``) and persistence with undoable operations (``store``)."""
