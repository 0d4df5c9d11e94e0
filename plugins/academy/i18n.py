"""UI strings, one table keyed by language (Material's ``theme.language``).

Server-rendered templates and the browser runtime read the same table, so a
translation is complete in one place. English is the fallback for any key a
language lacks; a test requires every shipped language to have every key.
"""

from __future__ import annotations

from collections.abc import Mapping

EN: dict[str, str] = {
    # module header
    "level": "Level",
    "level.foundation": "Foundation",
    "level.intermediate": "Intermediate",
    "level.advanced": "Advanced",
    "duration": "Duration",
    "minutes": "{n} min",
    "hours": "{h} h",
    "hours_minutes": "{h} h {m} min",
    "prerequisites": "Prerequisites",
    "none": "None",
    "in_paths": "Part of",
    "owner": "Owner",
    "reviewed": "Reviewed",
    "status": "Status",
    "objectives": "What you will be able to do",
    "bloom.remember": "Remember",
    "bloom.understand": "Understand",
    "bloom.apply": "Apply",
    "bloom.analyze": "Analyse",
    "bloom.evaluate": "Evaluate",
    "bloom.create": "Create",
    "check_your_understanding": "Check your understanding",
    # checks
    "check": "Check",
    "question": "Question",
    "check_answer": "Check answer",
    "try_again": "Try again",
    "hint": "Hint",
    "show_answer": "Show answer and explanation",
    "answer": "Answer",
    "answers": "Accepted answers",
    "correct_order": "Correct order",
    "correct_pairs": "Correct pairs",
    "explanation": "Explanation",
    "choice_feedback": "About each choice",
    "true": "True",
    "false": "False",
    "choose": "Choose…",
    "your_answer": "Your answer",
    "select_all": "Select all that apply.",
    "order_instructions": "Put the items in the correct order.",
    "match_instructions": "Match each item on the left with one on the right.",
    "correct_choice": "correct",
    # scenarios
    "scenario": "Scenario",
    "start_scenario": "Start",
    "step": "Step",
    "why": "Why this matters",
    "ending.success": "Success",
    "ending.partial": "Partial success",
    "ending.fail": "Not resolved",
    "outcome": "Outcome",
    "channel.chat": "Chat",
    "channel.email": "Email",
    "channel.phone": "Phone call",
    "channel.in-person": "In person",
    "restart": "Restart scenario",
    "go_to_step": "Go to this choice's result",
    # paths and quizzes
    "role": "For",
    "stages": "Stages",
    "stage": "Stage",
    "modules": "Modules",
    "module_count": "{n} modules",
    "module_count_one": "1 module",
    "total_time": "Total time",
    "remaining_time": "Remaining time",
    "continue": "Continue where you left off",
    "start_path": "Start this path",
    "placement": "Placement test",
    "placement_intro": "Already know some of this? Take the placement test to skip modules you have mastered.",
    "assessment": "Stage assessment",
    "pass_mark": "Pass mark",
    "questions_drawn": "{n} questions per attempt",
    "question_count": "{n} questions",
    "certificate": "Certificate",
    "certificate_locked": "Complete every module and pass every assessment to unlock the certificate.",
    "requires": "Before this path",
    "quiz.assessment": "Assessment",
    "quiz.placement": "Placement test",
    "quiz.practice": "Practice",
    "not_started": "Not started",
    "learning_paths": "Learning paths",
    "roles_intro": "Choose your role to see your learning path.",
    "view_path": "Open the path",
    "self_assessment": "Checks are self-assessment: the answers are part of this page, so use them to learn, not to prove.",
}

ES: dict[str, str] = {
    "level": "Nivel",
    "level.foundation": "Básico",
    "level.intermediate": "Intermedio",
    "level.advanced": "Avanzado",
    "duration": "Duración",
    "minutes": "{n} min",
    "hours": "{h} h",
    "hours_minutes": "{h} h {m} min",
    "prerequisites": "Requisitos previos",
    "none": "Ninguno",
    "in_paths": "Forma parte de",
    "owner": "Responsable",
    "reviewed": "Revisado",
    "status": "Estado",
    "objectives": "Lo que podrás hacer",
    "bloom.remember": "Recordar",
    "bloom.understand": "Comprender",
    "bloom.apply": "Aplicar",
    "bloom.analyze": "Analizar",
    "bloom.evaluate": "Evaluar",
    "bloom.create": "Crear",
    "check_your_understanding": "Comprueba lo que has aprendido",
    "check": "Pregunta",
    "question": "Pregunta",
    "check_answer": "Comprobar respuesta",
    "try_again": "Intentar de nuevo",
    "hint": "Pista",
    "show_answer": "Ver respuesta y explicación",
    "answer": "Respuesta",
    "answers": "Respuestas aceptadas",
    "correct_order": "Orden correcto",
    "correct_pairs": "Parejas correctas",
    "explanation": "Explicación",
    "choice_feedback": "Sobre cada opción",
    "true": "Verdadero",
    "false": "Falso",
    "choose": "Elige…",
    "your_answer": "Tu respuesta",
    "select_all": "Marca todas las que correspondan.",
    "order_instructions": "Ordena los elementos correctamente.",
    "match_instructions": "Relaciona cada elemento de la izquierda con uno de la derecha.",
    "correct_choice": "correcta",
    "scenario": "Escenario",
    "start_scenario": "Empezar",
    "step": "Paso",
    "why": "Por qué importa",
    "ending.success": "Éxito",
    "ending.partial": "Éxito parcial",
    "ending.fail": "Sin resolver",
    "outcome": "Resultado",
    "channel.chat": "Chat",
    "channel.email": "Correo electrónico",
    "channel.phone": "Llamada telefónica",
    "channel.in-person": "En persona",
    "restart": "Reiniciar escenario",
    "go_to_step": "Ir al resultado de esta opción",
    "role": "Para",
    "stages": "Etapas",
    "stage": "Etapa",
    "modules": "Módulos",
    "module_count": "{n} módulos",
    "module_count_one": "1 módulo",
    "total_time": "Tiempo total",
    "remaining_time": "Tiempo restante",
    "continue": "Continuar donde lo dejaste",
    "start_path": "Empezar esta ruta",
    "placement": "Prueba de nivel",
    "placement_intro": "¿Ya conoces parte de esto? Haz la prueba de nivel para saltar los módulos que dominas.",
    "assessment": "Evaluación de la etapa",
    "pass_mark": "Nota para aprobar",
    "questions_drawn": "{n} preguntas por intento",
    "question_count": "{n} preguntas",
    "certificate": "Certificado",
    "certificate_locked": "Completa todos los módulos y aprueba todas las evaluaciones para desbloquear el certificado.",
    "requires": "Antes de esta ruta",
    "quiz.assessment": "Evaluación",
    "quiz.placement": "Prueba de nivel",
    "quiz.practice": "Práctica",
    "not_started": "Sin empezar",
    "learning_paths": "Rutas de aprendizaje",
    "roles_intro": "Elige tu función para ver tu ruta de aprendizaje.",
    "view_path": "Abrir la ruta",
    "self_assessment": "Las preguntas son de autoevaluación: las respuestas forman parte de esta página, así que úsalas para aprender, no para demostrar.",
}

LANGUAGES: dict[str, dict[str, str]] = {"en": EN, "es": ES}


def strings(language: str | None) -> Mapping[str, str]:
    """The table for ``language`` (``es``, ``es-MX``...), English for the rest."""
    code = (language or "en").lower().replace("_", "-")
    table = LANGUAGES.get(code) or LANGUAGES.get(code.split("-")[0]) or EN
    if table is EN:
        return EN
    return {**EN, **table}


def duration(minutes: int, table: Mapping[str, str]) -> str:
    """``20`` -> ``20 min``; ``90`` -> ``1 h 30 min``; ``120`` -> ``2 h``."""
    hours, rest = divmod(max(minutes, 0), 60)
    if not hours:
        return table["minutes"].format(n=rest)
    if not rest:
        return table["hours"].format(h=hours)
    return table["hours_minutes"].format(h=hours, m=rest)
