"""Problems: the registry of error codes, the problem value, and the exception that carries one.

``codes`` registers every code a command can report; ``value`` holds the Problem a
check yields; ``errors`` is the exception for input a command cannot use;
``reference`` renders docs/errors.md from the registry.
"""
