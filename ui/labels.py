"""The UI's own labels in the six UN languages, shown in the browser's language (English for any other): written
by us, handed to Gradio's I18n. The answer's fixed sentences follow the question instead
(``service/answering/phrases.py``)."""

from __future__ import annotations

import gradio as gr
from gradio.i18n import I18nData

from ui.frame import LANGUAGES

LABELS: dict[str, tuple[str, str, str, str, str, str]] = {  # en, fr, es, ar, ru, zh
    "tab_ask": ("Ask", "Poser une question", "Preguntar", "اسأل", "Спросить", "提问"),
    "tab_search": ("Search", "Rechercher", "Buscar", "بحث", "Поиск", "搜索"),
    "tab_library": ("Library", "Bibliothèque", "Biblioteca", "المكتبة", "Библиотека", "资料库"),
    "question": ("Your question", "Votre question", "Su pregunta", "سؤالك", "Ваш вопрос", "您的问题"),
    "question_hint": ("Ask about preventing or addressing sexual harassment",
                      "Posez une question sur la prévention du harcèlement sexuel ou la réponse à y apporter",
                      "Pregunte sobre cómo prevenir o abordar el acoso sexual",
                      "اسأل عن منع التحرش الجنسي أو التصدي له",
                      "Задайте вопрос о предотвращении сексуальных домогательств или о мерах реагирования",
                      "就预防或处理性骚扰提问"),
    "ask": ("Ask", "Envoyer", "Preguntar", "اسأل", "Спросить", "提问"),
    "clear": ("Clear chat", "Effacer la conversation", "Borrar la conversación", "مسح المحادثة", "Очистить чат",
              "清除对话"),
    "search_box": ("Search the guidance", "Rechercher dans les documents d'orientation", "Buscar en las orientaciones",
                   "ابحث في التوجيهات", "Поиск по руководствам", "搜索指导文件"),
    "passages": ("Passages to show", "Passages à afficher", "Pasajes que mostrar", "عدد المقاطع المعروضة",
                 "Сколько фрагментов показать", "显示的段落数"),
    "search": ("Search", "Rechercher", "Buscar", "بحث", "Найти", "搜索"),
    "doc_types": ("Document types", "Types de documents", "Tipos de documentos", "أنواع الوثائق", "Типы документов",
                  "文件类型"),
    "documents": ("Documents", "Documents", "Documentos", "الوثائق", "Документы", "文件"),
    "include_question": ("Include my question with my feedback", "Joindre ma question à mon avis",
                         "Incluir mi pregunta con mi opinión", "إرفاق سؤالي بملاحظاتي",
                         "Приложить мой вопрос к отзыву", "随反馈附上我的问题"),
}
I18N = gr.I18n(**{lang: {key: texts[i] for key, texts in LABELS.items()} for i, lang in enumerate(LANGUAGES)})


def label(key: str) -> I18nData:
    """A label Gradio shows in the browser's language."""
    if key not in LABELS:
        raise KeyError(key)
    return I18N(key)

