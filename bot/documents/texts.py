"""What members read about the documents to download (HTML subset, see bot/core/replies.py)."""

COMMAND_DESCRIPTION = "Des modèles de documents à télécharger (courriers, charte…)"
LIST = ("📄 <b>Des modèles de documents à télécharger</b>\n\n"
        "Ce sont des fichiers Word : vous pouvez les modifier sur un ordinateur ou un téléphone. "
        "Appuyez sur un modèle pour le recevoir.")
NONE_AVAILABLE = ("Les modèles de documents ne sont pas disponibles pour le moment. Réessayez plus tard, "
                  "ou posez votre question : l'équipe peut vous aider.")
OFFER_ONE = ("Voici un modèle qui peut vous aider : <b>{title}</b>.\n{summary}\n\n"
             "C'est un fichier Word que vous pouvez modifier. Appuyez sur le bouton pour le recevoir.")
OFFER_SEVERAL = "Voici des modèles qui peuvent vous aider. Appuyez sur celui que vous voulez recevoir."
ALL_BUTTON = "📚 Tous les modèles"
FILE_CAPTION = ("📄 <b>{title}</b>\n{summary}\n\n"
                "À compléter : remplacez les passages surlignés [entre crochets]. Les sources sont à la fin.")
GONE = "Ce modèle n'est plus proposé. Voici les modèles disponibles :"
NOT_GENERATED = ("Désolé, je n'arrive pas à préparer ce fichier pour le moment. Réessayez plus tard, "
                 "ou demandez-le à l'équipe.")
