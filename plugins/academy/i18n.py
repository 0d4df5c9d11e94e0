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
    # browser runtime (see RUNTIME_KEYS)
    "correct": "Correct.",
    "incorrect": "Not quite.",
    "partly": "Partly right.",
    "choose_first": "Choose an answer first.",
    "type_first": "Type an answer first.",
    "match_first": "Choose a match for every item first.",
    "missed": "At least one correct choice is not selected.",
    "in_place": "{n} of {total} items are in the right place.",
    "pairs_right": "{n} of {total} pairs are right.",
    "after_wrong": "Change your answer and check again, or open the answer below.",
    "move_up": "Move up: {item}",
    "move_down": "Move down: {item}",
    "moved": "{item} moved to position {pos} of {total}.",
    "at_top": "{item} is already first.",
    "at_bottom": "{item} is already last.",
    "you_chose": "You:",
    "score": "Score: {score} of {max}.",
    "status_done": "Completed",
    "status_started": "In progress",
    "nav_done": "(completed)",
    "storage_off": "Your browser is not letting this site save progress, so your answers will not be kept after you leave. Everything else works.",
    "storage_newer": "Your progress was saved by a newer version of this academy. It is shown but not changed here.",
    "storage_corrupt": "Your saved progress could not be read, so a fresh record was started. The unreadable copy was kept in this browser.",
    "summary": "{done} of {total} modules completed.",
    "exported": "Your progress file was downloaded.",
    "import_bad": "That file is not a progress file from this academy. Nothing was changed.",
    "imported": "Progress imported.",
    "reset_done": "All progress was reset.",
    "search": "Search",
    # progress page
    "my_progress": "My progress",
    "progress_intro": "Your progress is kept in this browser only: there is no account and nothing is sent anywhere. Export it to keep a copy or to move to another browser.",
    "progress_needs_js": "Progress is kept by your browser and needs JavaScript.",
    "export": "Export progress",
    "import": "Import progress from a file",
    "reset": "Reset progress",
    "reset_confirm": "Reset all progress in this browser? This cannot be undone; export first if you want a copy.",
    "reset_yes": "Yes, reset everything",
    "cancel": "Cancel",
    "keep_progress": "Keep or move your progress",
    "all_modules": "All modules",
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
    "correct": "Correcto.",
    "incorrect": "No del todo.",
    "partly": "Parcialmente correcto.",
    "choose_first": "Elige una respuesta primero.",
    "type_first": "Escribe una respuesta primero.",
    "match_first": "Elige una pareja para cada elemento primero.",
    "missed": "Falta marcar al menos una opción correcta.",
    "in_place": "{n} de {total} elementos están en su sitio.",
    "pairs_right": "{n} de {total} parejas son correctas.",
    "after_wrong": "Cambia tu respuesta y vuelve a comprobarla, o abre la respuesta más abajo.",
    "move_up": "Subir: {item}",
    "move_down": "Bajar: {item}",
    "moved": "{item} pasa a la posición {pos} de {total}.",
    "at_top": "{item} ya es el primero.",
    "at_bottom": "{item} ya es el último.",
    "you_chose": "Tú:",
    "score": "Puntuación: {score} de {max}.",
    "status_done": "Completado",
    "status_started": "En curso",
    "nav_done": "(completado)",
    "storage_off": "Tu navegador no permite que este sitio guarde el progreso, así que tus respuestas no se conservarán al salir. Todo lo demás funciona.",
    "storage_newer": "Tu progreso lo guardó una versión más reciente de esta academia. Se muestra, pero aquí no se modifica.",
    "storage_corrupt": "No se pudo leer tu progreso guardado, así que se ha empezado un registro nuevo. La copia ilegible se ha conservado en este navegador.",
    "summary": "{done} de {total} módulos completados.",
    "exported": "Se ha descargado tu archivo de progreso.",
    "import_bad": "Ese archivo no es un archivo de progreso de esta academia. No se ha cambiado nada.",
    "imported": "Progreso importado.",
    "reset_done": "Se ha borrado todo el progreso.",
    "search": "Buscar",
    "my_progress": "Mi progreso",
    "progress_intro": "Tu progreso se guarda solo en este navegador: no hay cuenta y no se envía nada. Expórtalo para guardar una copia o para pasarlo a otro navegador.",
    "progress_needs_js": "El progreso lo guarda tu navegador y necesita JavaScript.",
    "export": "Exportar progreso",
    "import": "Importar progreso desde un archivo",
    "reset": "Borrar progreso",
    "reset_confirm": "¿Borrar todo el progreso de este navegador? No se puede deshacer; exporta antes si quieres una copia.",
    "reset_yes": "Sí, borrar todo",
    "cancel": "Cancelar",
    "keep_progress": "Guarda o traslada tu progreso",
    "all_modules": "Todos los módulos",
}

LANGUAGES: dict[str, dict[str, str]] = {"en": EN, "es": ES}


#: Keys the browser runtime needs; only these are embedded in academy.js.
RUNTIME_KEYS = (
    "correct incorrect partly choose_first type_first match_first missed in_place pairs_right "
    "after_wrong move_up move_down moved at_top at_bottom you_chose score outcome restart "
    "status_done status_started not_started nav_done storage_off storage_newer storage_corrupt "
    "summary exported import_bad imported reset_done search"
).split()


def runtime_strings(language: str | None) -> dict[str, str]:
    """The runtime's table: its keys, plus ``ending_*`` for scenario outcomes."""
    table = strings(language)
    out = {key: table[key] for key in RUNTIME_KEYS}
    for ending in ("success", "partial", "fail"):
        out[f"ending_{ending}"] = table[f"ending.{ending}"]
    return out


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
