"""The answer's fixed sentences in the six UN languages: written by us (never machine-translated at run time), in
the language of the question. Quotes stay in their document's language.

Read today: ``not_judged`` (a question in another language that no passage in it answers: the English answer rules
cannot judge passages in other languages yet), the
disclosure and helper openings and "no care passages" (an account of harm or a helper's question in another
language gets the care answer), and the search's "no match" note. The others (not covered, partly answered, the
LLM notices) are written for the day the answer rules read the six languages; their English sentences are the
ones the answer path uses now.
"""

from __future__ import annotations

from service.answering.care import NO_CARE_PASSAGES
from service.answering.disclosure import PREFACE, SUPPORTER_PREFACE
from service.models import NO_MATCH

NOT_COVERED_KEY, PARTLY_KEY, NOT_JUDGED_KEY = "not_covered", "partly", "not_judged"
LLM_UNVERIFIED = "The language model's answer could not be verified against the passages; showing the extractive answer."
LLM_LATE = "The language model did not answer in time; showing the extractive answer."
LLM_DOWN = "The language model is not available right now; showing the extractive answer."

PHRASES: dict[str, dict[str, str]] = {
    NOT_COVERED_KEY: {
        "fr": "Les documents de cette bibliothèque ne traitent pas de cette question. Les documents les plus proches "
              "sont indiqués ci-dessous ; ils peuvent être utiles, mais ils n'y répondent pas.",
        "es": "Los documentos de esta biblioteca no tratan esta pregunta. A continuación figuran los documentos más "
              "cercanos; pueden ser útiles, pero no la responden.",
        "ru": "Документы этой библиотеки не отвечают на этот вопрос. Ниже перечислены наиболее близкие документы; "
              "они могут быть полезны, но ответа на вопрос в них нет.",
        "ar": "لا تتناول الوثائق الموجودة في هذه المكتبة هذا السؤال. ترد أدناه أقرب الوثائق إليه؛ وقد تكون مفيدة، "
              "لكنها لا تجيب عنه.",
        "zh": "本资料库中的文件未涉及这个问题。下面列出最相关的文件；它们或许有所帮助，但并未回答这个问题。",
    },
    NOT_JUDGED_KEY: {
        "fr": "Aucun passage en français ne répond à cette question, et les réponses citées ne sont pas encore "
              "proposées à partir de documents rédigés dans d'autres langues. Les documents les plus proches sont "
              "indiqués ci-dessous ; leur pertinence n'a pas été vérifiée. Si vous décrivez quelque chose qui vous "
              "est arrivé, les contacts ci-dessous peuvent vous aider.",
        "es": "Ningún pasaje en español responde a esta pregunta, y todavía no se ofrecen respuestas citadas a partir "
              "de documentos redactados en otros idiomas. A continuación figuran los documentos más cercanos; no se "
              "ha verificado su pertinencia. Si describe algo que le ha ocurrido, los contactos que figuran a "
              "continuación pueden ayudarle.",
        "ru": "Ни один фрагмент на русском языке не отвечает на этот вопрос, а ответы с цитатами из документов на "
              "других языках пока не предоставляются. Ниже перечислены наиболее близкие документы; их соответствие "
              "вопросу не проверено. Если вы описываете то, что произошло с вами, вам могут помочь контакты, "
              "приведённые ниже.",
        "ar": "لا يجيب أي مقطع باللغة العربية عن هذا السؤال، ولا تتوفر بعدُ إجابات موثقة بالاقتباسات من وثائق مكتوبة "
              "بلغات أخرى. ترد أدناه أقرب الوثائق، ولم يُتحقق من صلتها بالسؤال. وإذا كنت تصف أمرًا حدث لك، فبإمكان "
              "جهات الاتصال أدناه مساعدتك.",
        "zh": "没有中文段落回答这个问题，目前也尚不提供基于其他语言文件的带引文回答。下面列出最相关的文件，但未核实其相关性。"
              "如果您描述的是自己遭遇的事情，可以联系下列联系人寻求帮助。",
    },
    PARTLY_KEY: {
        "fr": "Les documents de cette bibliothèque ne répondent qu'en partie à cette question.",
        "es": "Los documentos de esta biblioteca solo responden en parte a esta pregunta.",
        "ru": "Документы этой библиотеки отвечают на этот вопрос лишь частично.",
        "ar": "لا تجيب الوثائق الموجودة في هذه المكتبة عن هذا السؤال إلا جزئيًا.",
        "zh": "本资料库中的文件只部分回答了这个问题。",
    },
    PREFACE: {
        "fr": "Merci de nous en avoir parlé ; ce que vous décrivez compte, et vous pouvez avancer à votre rythme.",
        "es": "Gracias por contarlo; lo que describe es importante, y puede dar el siguiente paso a su propio ritmo.",
        "ru": "Спасибо, что рассказали об этом. То, что вы описываете, важно, и вы можете сделать следующий шаг в "
              "удобном для вас темпе.",
        "ar": "شكرًا لك على مشاركة ذلك؛ فما تصفه مهم، ويمكنك أن تخطو الخطوة التالية بالوتيرة التي تناسبك.",
        "zh": "感谢您讲出这件事。您所描述的情况很重要，您可以按照自己的节奏迈出下一步。",
    },
    SUPPORTER_PREFACE: {
        "fr": "Merci de soutenir votre collègue. Voici ce que disent les documents de cette bibliothèque pour qui aide "
              "une personne qui s'est confiée à lui, et vers qui cette personne peut se tourner.",
        "es": "Gracias por apoyar a su colega. Esto es lo que dicen los documentos de esta biblioteca para quien ayuda "
              "a una persona que le ha confiado lo ocurrido, y a quién puede acudir esa persona.",
        "ru": "Спасибо, что поддерживаете коллегу. Вот что говорится в документах этой библиотеки для тех, кто "
              "помогает человеку, доверившемуся им, и куда этот человек может обратиться.",
        "ar": "شكرًا لك على دعم زميلك. هذا ما تقوله الوثائق الموجودة في هذه المكتبة لمن يساعد شخصًا أسرّ إليه بما "
              "حدث، والجهات التي يمكن لهذا الشخص أن يلجأ إليها.",
        "zh": "感谢您支持您的同事。以下是本资料库中的文件为帮助向其倾诉者的人提供的指导，以及当事人可以求助的渠道。",
    },
    NO_CARE_PASSAGES: {
        "fr": "Les documents de cette bibliothèque ne contiennent aucun passage sur le signalement, le soutien, la "
              "confidentialité ou la protection contre les représailles. Les contacts ci-dessous sont les voies "
              "indiquées par votre organisation.",
        "es": "Los documentos de esta biblioteca no contienen ningún pasaje sobre denuncias, apoyo, confidencialidad o "
              "protección contra represalias. Los contactos que figuran a continuación son los canales que indica su "
              "organización.",
        "ru": "В документах этой библиотеки нет фрагментов о подаче сообщений, поддержке, конфиденциальности или "
              "защите от преследования. Ниже приведены контакты, которые указала ваша организация.",
        "ar": "لا تتضمن الوثائق الموجودة في هذه المكتبة أي مقطع عن الإبلاغ أو الدعم أو السرية أو الحماية من الانتقام. "
              "وجهات الاتصال أدناه هي القنوات التي تحددها منظمتك.",
        "zh": "本资料库中的文件没有关于举报、支持、保密或防止报复的段落。以下联系方式是贵组织列出的渠道。",
    },
    LLM_UNVERIFIED: {
        "fr": "La réponse du modèle de langue n'a pas pu être vérifiée au regard des passages ; voici la réponse "
              "extraite des documents.",
        "es": "No se pudo verificar la respuesta del modelo de lenguaje con los pasajes; se muestra la respuesta "
              "extraída de los documentos.",
        "ru": "Ответ языковой модели не удалось сверить с фрагментами; показан ответ, извлечённый из документов.",
        "ar": "تعذّر التحقق من إجابة النموذج اللغوي في ضوء المقاطع؛ تُعرض الإجابة المستخرجة من الوثائق.",
        "zh": "无法根据段落核实语言模型的回答；现显示从文件中摘录的回答。",
    },
    LLM_LATE: {
        "fr": "Le modèle de langue n'a pas répondu à temps ; voici la réponse extraite des documents.",
        "es": "El modelo de lenguaje no respondió a tiempo; se muestra la respuesta extraída de los documentos.",
        "ru": "Языковая модель не ответила вовремя; показан ответ, извлечённый из документов.",
        "ar": "لم يُجب النموذج اللغوي في الوقت المحدد؛ تُعرض الإجابة المستخرجة من الوثائق.",
        "zh": "语言模型未能及时回答；现显示从文件中摘录的回答。",
    },
    LLM_DOWN: {
        "fr": "Le modèle de langue n'est pas disponible pour le moment ; voici la réponse extraite des documents.",
        "es": "El modelo de lenguaje no está disponible en este momento; se muestra la respuesta extraída de los "
              "documentos.",
        "ru": "Языковая модель сейчас недоступна; показан ответ, извлечённый из документов.",
        "ar": "النموذج اللغوي غير متاح حاليًا؛ تُعرض الإجابة المستخرجة من الوثائق.",
        "zh": "语言模型目前不可用；现显示从文件中摘录的回答。",
    },
    NO_MATCH: {
        "fr": "Aucun passage de la bibliothèque ne correspond aux mots ou au sens de cette recherche.",
        "es": "Ningún pasaje de la biblioteca coincide con las palabras o el sentido de esta búsqueda.",
        "ru": "Ни один фрагмент библиотеки не соответствует словам или смыслу этого запроса.",
        "ar": "لا يوجد في المكتبة مقطع يطابق كلمات هذا البحث أو معناه.",
        "zh": "资料库中没有与此次搜索的字词或含义相符的段落。",
    },
}


def phrase(english: str, language: str) -> str:
    """``english`` (a fixed sentence, or a key of ``PHRASES``) in ``language``; English when we have no version."""
    return PHRASES.get(english, {}).get(language, english)

