"""The words drawn around an answer (its state, "Closest documents", the contacts heading, links), in the answer's
language: its block carries ``lang``, so its frame speaks that language too. Written by us, like the UI's labels
(``ui/labels.py``) and the answer's fixed sentences (``service/answering/phrases.py``). The sources panel's words and its meta lines (type, pages,
section) follow the answer's language, the search results' the query's; documents' titles and quotes stay as
written.
"""

from __future__ import annotations

from ingest.language import UN_LANGUAGES as LANGUAGES
from service.models import STATE_LABELS

ANSWER_TEXT: dict[str, tuple[str, str, str, str, str, str]] = {  # en, fr, es, ar, ru, zh
    "answered": (STATE_LABELS["answered"], "Réponse tirée des documents", "Respuesta tomada de los documentos",
                 "إجابة مستمدة من الوثائق", "Ответ взят из документов", "根据文件作答"),
    "partial": (STATE_LABELS["partial"], "Réponse partielle", "Respuesta parcial", "إجابة جزئية", "Частичный ответ",
                "部分作答"),
    "not_covered": (STATE_LABELS["not_covered"], "Non traité dans les documents", "No tratado en los documentos",
                    "لا تتناوله الوثائق", "В документах не рассматривается", "文件未涉及"),
    "closest": ("Closest documents", "Documents les plus proches", "Documentos más cercanos", "أقرب الوثائق",
                "Наиболее близкие документы", "最相关的文件"),
    "section": ("Section: {section}", "Section : {section}", "Sección: {section}", "القسم: {section}",
                "Раздел: {section}", "章节：{section}"),
    "open": ("Open the document", "Ouvrir le document", "Abrir el documento", "افتح الوثيقة", "Открыть документ",
             "打开文件"),
    "open_page": ("Open the document at page {page}", "Ouvrir le document à la page {page}",
                  "Abrir el documento en la página {page}", "افتح الوثيقة عند الصفحة {page}",
                  "Открыть документ на странице {page}", "打开文件第 {page} 页"),
    "open_section": ("Open the document at this section", "Ouvrir le document à cette section",
                     "Abrir el documento en esta sección", "افتح الوثيقة عند هذا القسم",
                     "Открыть документ на этом разделе", "打开文件的这一章节"),
    "new_tab": (" (opens in a new tab)", " (s'ouvre dans un nouvel onglet)", " (se abre en una pestaña nueva)",
                " (يُفتح في علامة تبويب جديدة)", " (откроется в новой вкладке)", "（在新标签页中打开）"),
    "support": ("Support information", "Informations sur le soutien", "Información de apoyo", "معلومات الدعم",
                "Информация о поддержке", "支持信息"),
    "helping": ("Guidance for someone helping a colleague", "Conseils pour aider un ou une collègue",
                "Orientaciones para quien ayuda a un colega", "إرشادات لمن يساعد زميلًا أو زميلة",
                "Рекомендации для тех, кто помогает коллеге", "为帮助同事者提供的指导"),
    "not_stored": ("Nothing you type here is stored unless you choose to include it with feedback.",
                   "Rien de ce que vous écrivez ici n'est conservé, sauf si vous choisissez de le joindre à votre avis.",
                   "Nada de lo que escribe aquí se guarda, salvo que decida incluirlo en su opinión.",
                   "لا يُحفظ أي شيء تكتبه هنا إلا إذا اخترت إرفاقه بملاحظاتك.",
                   "Ничто из написанного здесь не сохраняется, если вы сами не решите приложить это к отзыву.",
                   "您在此输入的任何内容都不会被保存，除非您选择将其随反馈一并提交。"),
    "get_support": ("Where you can get support", "Où trouver du soutien", "Dónde puede obtener apoyo",
                    "أين يمكنك الحصول على الدعم", "Куда обратиться за поддержкой", "可在何处获得支持"),
    "placeholder": ("Not filled in yet: your organization has not added this contact.",
                    "Pas encore renseigné : votre organisation n'a pas ajouté ce contact.",
                    "Aún sin completar: su organización no ha añadido este contacto.",
                    "لم تُستكمل بعد: لم تُضف مؤسستك جهة الاتصال هذه.",
                    "Пока не заполнено: ваша организация ещё не добавила этот контакт.",
                    "尚未填写：您所在的组织尚未添加此联系方式。"),
    # search results: the words around them follow the query's language
    "found": ("{n} passages for “{query}”, best first.", "Passages trouvés pour « {query} » : {n}, les meilleurs d'abord.",
              "Pasajes encontrados para «{query}»: {n}, los mejores primero.",
              "المقاطع التي وُجدت لـ «{query}»: {n}، الأفضل أولًا.",
              "Найдено фрагментов по запросу «{query}»: {n}, сначала лучшие.",
              "“{query}”的搜索结果：{n} 个段落，按相关度排序。"),
    "found_one": ("1 passage for “{query}”, best first.", "Un passage trouvé pour « {query} ».", "Un pasaje encontrado para «{query}».",
                  "مقطع واحد وُجد لـ «{query}».", "Найден один фрагмент по запросу «{query}».",
                  "“{query}”的搜索结果：1 个段落。"),
    "show_full": ("Show the full passage", "Afficher le passage entier", "Mostrar el pasaje completo",
                  "اعرض المقطع كاملًا", "Показать фрагмент целиком", "显示完整段落"),
    "result": ("Result {rank}: ", "Résultat {rank} : ", "Resultado {rank}: ", "النتيجة {rank}: ", "Результат {rank}: ",
               "第 {rank} 条结果："),
    "no_match": ("No passages match “{query}”.", "Aucun passage ne correspond à « {query} ».",
                 "Ningún pasaje coincide con «{query}».", "لا توجد مقاطع تطابق «{query}».",
                 "Нет фрагментов, соответствующих запросу «{query}».", "没有与“{query}”匹配的段落。"),
    # meta lines, of search results and source cards
    "page": ("p. {page}", "p. {page}", "p. {page}", "ص {page}", "с. {page}", "第 {page} 页"),
    "pages": ("pp. {start}–{end}", "p. {start}–{end}", "pp. {start}–{end}", "ص {start}–{end}", "с. {start}–{end}",
              "第 {start}–{end} 页"),
    "paragraph": ("Paragraph {paragraph}", "Paragraphe {paragraph}", "Párrafo {paragraph}", "الفقرة {paragraph}",
                  "Пункт {paragraph}", "第 {paragraph} 段"),
    "type_publication": ("publication", "publication", "publicación", "منشور", "публикация", "出版物"),
    "type_policy": ("policy", "politique", "política", "سياسة", "политика", "政策"),
    "type_guidance": ("guidance", "orientations", "orientaciones", "إرشادات", "руководство", "指南"),
    "type_dialogue summary": ("dialogue summary", "résumé de dialogue", "resumen de diálogo", "ملخص حوار",
                              "резюме диалога", "对话摘要"),
    "type_other": ("other", "autre", "otro", "أخرى", "другое", "其他"),
    # the sources panel: the words around an answer's sources follow the answer's language
    "sources_of": ("Sources of answer {n}", "Sources de la réponse {n}", "Fuentes de la respuesta {n}",
                   "مصادر الإجابة {n}", "Источники ответа {n}", "第 {n} 个回答的来源"),
    "source": ("Source", "Source", "Fuente", "المصدر", "Источник", "来源"),
    "sources": ("Sources", "Sources", "Fuentes", "المصادر", "Источники", "来源"),
    "back": ("Back to the answer", "Retour à la réponse", "Volver a la respuesta", "العودة إلى الإجابة",
             "Вернуться к ответу", "返回回答"),
    "try_other": ("Try other words.", "Essayez d'autres mots.", "Pruebe con otras palabras.", "جرّب كلمات أخرى.",
                  "Попробуйте другие слова.", "请换用其他词语。"),
}


def say(key: str, language: str = "en", **values: object) -> str:
    """Words of the answer's frame in ``language`` (English for any other), with ``values`` filled in."""
    texts = ANSWER_TEXT[key]
    at = LANGUAGES.index(language) if language in LANGUAGES else 0
    return texts[at].format(**values)
